import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { test } from '@playwright/test';
import { startSetup } from './lib/environment';
import { quantile } from './lib/stats';
import { errorRow, formatTable, measuredRow, writeResults, type Goal, type Row, type Unit } from './lib/table';
import { measureBundle, type BundleFigures } from './metrics/bundle';
import { runDetail } from './metrics/detail';
import { keystrokeRow, runInteraction, runMemory, SEARCH_GOALS, type MemoryFigures } from './metrics/interaction';
import { failedSessions, runMapSessions, type SessionResults } from './metrics/mapSession';
import { notesRows, runNotes, type NotesFigures } from './metrics/notes';
import { runStore, type StoreFigures } from './metrics/store';
import { runBriefing, type BriefingFigures } from './metrics/briefing';
import { importRows, runImport } from './metrics/import';
import { importedRows, runImported } from './metrics/imported';
import { runScale, SCALE_DOCS, scaleRows, scaleTable, type ScaleFigures } from './metrics/scale';

const repo = resolve(import.meta.dirname, '..');

function fromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Run counts: BENCH_RUNS for the interleaved ours/baseline pairs, the rest per metric. */
const config = {
  runs: fromEnv('BENCH_RUNS', 5),
  clicks: fromEnv('BENCH_CLICKS', 50),
  cycles: fromEnv('BENCH_CYCLES', 100),
  /** Panel cycles before the memory figure's starting point: code compiled on first use, caches filled. */
  warmUpCycles: fromEnv('BENCH_WARM_CYCLES', 10),
  tiers: fromEnv('BENCH_TIERS', 3),
  /** Flights of metric 5, far apart on purpose; the first is a warm-up. */
  flights: ['BRA', 'JPN', 'CHL'],
  /** BENCH_ONLY=startup,detail,clicks,memory,bundle,store,briefing,import,imported,scale runs a subset (while working on one figure). */
  only: new Set((process.env['BENCH_ONLY'] ?? '').split(',').filter(Boolean)),
  storeRuns: fromEnv('BENCH_STORE_RUNS', 9),
  /** Notes in the store for the `notes` group (metric 6's notes half, long tasks while saving). */
  notes: fromEnv('BENCH_NOTES', 10_000),
  briefingRuns: fromEnv('BENCH_BRIEFING_RUNS', 7),
  atlasPdfRuns: fromEnv('BENCH_ATLAS_PDF_RUNS', 2),
  /** Imports of each generated document (1 MB, 10 MB) for the `import` group, after a warm-up. */
  importRuns: fromEnv('BENCH_IMPORT_RUNS', 3),
  /** Imported 1 MB documents at each step of the `scale` group (after bundled only), e.g. BENCH_SCALE_DOCS=1,10 on a busy machine. */
  scaleDocs: (process.env['BENCH_SCALE_DOCS'] ?? '').split(',').map(Number).filter((value) => Number.isInteger(value) && value > 0).sort((a, b) => a - b),
  /** Rounds of clicks on the five countries at each step of the `scale` group, after a warm-up round. */
  scaleRounds: fromEnv('BENCH_SCALE_ROUNDS', 3),
};
if (config.scaleDocs.length === 0) config.scaleDocs = [...SCALE_DOCS];
const wanted = (group: string) => config.only.size === 0 || config.only.has(group);

const started = Date.now();
function log(line: string): void {
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`[bench ${String(seconds).padStart(4)}s] ${line}`);
}

const message = (error: unknown): string => (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));

test('npm run bench', async () => {
  test.setTimeout(60 * 60_000);
  if (!existsSync(join(repo, 'out/renderer/index.html'))) throw new Error('The renderer is not built: run `npm run build` (npm run bench does it for you).');
  const startedAt = new Date();
  log(`runs ${config.runs} (+1 warm-up), clicks ${config.clicks}, panel cycles ${config.cycles}; CPUs ${cpus().length}`);
  const setup = await startSetup(repo, log);
  log(`Chromium ${setup.chromiumVersion}; ${setup.mapIds.length} countries on the map`);
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  const pageErrors: string[] = [];
  let scaleLines: string | null = null;
  try {
    // Each group is isolated: one failing leaves its rows marked "error: …" and the others stand.
    let session: SessionResults | null = null;
    if (wanted('startup')) {
      log('1, 4, 5: start-up, recolour and flights — app and bare page alternating');
      try {
        session = await runMapSessions(setup, { runs: config.runs, flights: config.flights, tiers: config.tiers }, log);
        raw['session'] = session;
        pageErrors.push(...session.pageErrors);
      } catch (error) {
        log(`map sessions failed: ${message(error)}`);
        session = failedSessions(message(error));
      }
    }

    let detail: Awaited<ReturnType<typeof runDetail>> | null = null;
    if (wanted('detail')) {
      log('2: detail cost — bare page with 110m, 50m, 10m shapes');
      try {
        detail = await runDetail(setup, { runs: config.runs, canvas: session?.facts?.canvas ?? { width: 1280, height: 800 } }, log);
        raw['detail'] = detail;
      } catch (error) {
        detail = { times: { '110m': [], '50m': [], '10m': [] }, error: message(error) };
      }
    }

    /** Runs one group if wanted: its figures kept as `raw[key]`, its page errors collected, a failure kept as its message. */
    const runGroup = async <T extends object>(group: string, key: string, announce: string | null, run: () => Promise<T>): Promise<T | { error: string } | null> => {
      if (!wanted(group)) return null;
      if (announce) log(announce);
      try {
        const result = await run();
        raw[key] = result;
        if ('pageErrors' in result && Array.isArray(result.pageErrors)) pageErrors.push(...(result.pageErrors as string[]));
        return result;
      } catch (error) {
        return { error: message(error) };
      }
    };

    const interaction = await runGroup('clicks', 'interaction', `3, 6: ${config.clicks} clicks on countries, then search keystrokes`, () =>
      runInteraction(setup, { clicks: config.clicks }, log),
    );
    const notes = await runGroup(
      'notes',
      'notes',
      `6: search with ${config.notes.toLocaleString('en-US')} notes in the store, then long tasks while a note autosaves`,
      () => runNotes(setup, { notes: config.notes }, log),
    );
    const memory = await runGroup('memory', 'memory', `7: memory over ${config.cycles} panel open/close cycles after ${config.warmUpCycles} to warm up`, () =>
      runMemory(setup, { cycles: config.cycles, warmUp: config.warmUpCycles }, log),
    );
    const bundle = await runGroup('bundle', 'bundle', null, () => measureBundle(setup.rendererDir, join(repo, 'node_modules/maplibre-gl/dist')));
    const store = await runGroup('store', 'store', `issue 4: notes store save and load, ${config.storeRuns} runs per size`, () => runStore(config.storeRuns, log));
    const briefing = await runGroup(
      'briefing',
      'briefing',
      `issue 5: PDF briefings, ${config.briefingRuns} runs with and without the map, ${config.atlasPdfRuns} of the whole atlas`,
      () => runBriefing(setup, { runs: config.briefingRuns, atlasRuns: config.atlasPdfRuns, country: 'JPN' }, log),
    );
    const imports = await runGroup('import', 'import', `issue 6: importing 1 MB and 10 MB text documents, ${config.importRuns} runs each`, () =>
      runImport(repo, config.importRuns, log),
    );

    const imported = await runGroup('imported', 'imported', `issue 6: the window with a 1 MB source imported against without it, ${config.runs} runs`, () =>
      runImported(setup, config.runs, log),
    );

    const scale = await runGroup('scale', 'scale', `scale: bundled only, then ${config.scaleDocs.join(', ')} generated 1 MB documents imported`, () =>
      runScale(setup, config.scaleDocs, config.scaleRounds, log),
    );
    if (scale && !('error' in scale)) scaleLines = scaleTable(scale as ScaleFigures);

    rows.push(
      ...buildRows(session, detail, interaction, notes, memory, bundle),
      ...storeRows(store),
      ...briefingRows(briefing),
      ...importRows(imports),
      ...importedRows(imported),
      ...scaleRows(scale),
    );
  } finally {
    raw['outsideRequests'] = setup.outsideRequests();
    await setup.close();
  }

  const notes = verdictNotes(rows);
  const table = formatTable(rows);
  const legend = [
    `Figures with a range: median (p25–p75) of ${config.runs} runs after a discarded warm-up, ours and baseline alternating;`,
    'ratio = median of the per-run ratios. Figures without one come from a single page (p95 over its clicks or keystrokes,',
    'or one reading). Chromium with SwiftShader (software WebGL): every map frame is drawn on the CPU.',
  ].join('\n');
  console.log(['', table, '', legend, ...notes, ''].join('\n'));
  if (scaleLines) console.log(['Scale (ratios to bundled only):', '', scaleLines, ''].join('\n'));
  const outside = raw['outsideRequests'] as string[];
  if (outside.length > 0) log(`warning: ${outside.length} requests left the app: ${outside.slice(0, 5).join(', ')}`);
  if (pageErrors.length > 0) log(`warning: the pages reported ${pageErrors.length} errors, first: ${pageErrors[0]}`);
  const path = await writeResults(join(repo, 'bench/results'), startedAt, {
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    git: gitState(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: setup.chromiumVersion },
    config: { ...config, only: [...config.only] },
    rows,
    notes,
    table,
    scaleTable: scaleLines,
    pageErrors,
    raw,
  });
  log(`results written to ${relative(repo, path)}`);
});

function gitState(): { commit: string; dirty: boolean } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

/** Lines printed under the table: what a missed goal suggests (the issue asks for the PMTiles one). */
function verdictNotes(rows: readonly Row[]): string[] {
  const notes: string[] = [];
  const detail = rows.find((row) => row.key === 'detail.10m-vs-50m');
  if (detail?.ratio && detail.ratio.median > 2) {
    notes.push(
      `Proposal: the 10m shapes cost ${detail.ratio.median.toFixed(2)}× the 50m idle time (over 2×): pre-tile them ` +
        '(PMTiles, vector tiles cut at build time and read from a local file) instead of loading one GeoJSON.',
    );
  }
  const missed = rows.filter((row) => row.met === false).map((row) => row.metric);
  if (missed.length > 0) notes.push(`Goals missed: ${missed.join('; ')}.`);
  return notes;
}

type Maybe<T> = T | { error: string } | null;
const failed = <T extends object>(value: Maybe<T>): value is { error: string } => value !== null && 'error' in value && typeof value.error === 'string';

/** The table's rows, in the order of the issue's metrics, each from its group or with its error. */
/** Issue 5: a briefing printed in ≤ 1 s, its map costing ≤ 2× the same document without it; the atlas reported. */
function briefingRows(briefing: BriefingFigures | { error: string } | null): Row[] {
  if (briefing === null) return [];
  const goals: Goal[] = [
    { on: 'ours', max: 1000 },
    { on: 'ratio', max: 2 },
  ];
  if ('error' in briefing) return [errorRow('pdf.briefing', 'PDF: one briefing', 'ms', briefing.error, goals)];
  return [
    measuredRow({
      key: 'pdf.briefing',
      metric: `PDF: one briefing (${briefing.country}, HTML + print) vs the same without its map`,
      unit: 'ms',
      ours: briefing.withMap,
      baseline: briefing.textOnly,
      goals,
    }),
    measuredRow({ key: 'pdf.atlas', metric: `PDF: the whole atlas (${briefing.atlasPages} pages, two passes, written)`, unit: 'ms', ours: briefing.atlas }),
  ];
}

/** Issue 4: save within 1.5× of the bare write plus its fsyncs; load reported against a bare parse. */
function storeRows(store: StoreFigures | { error: string } | null): Row[] {
  if (store === null) return [];
  const goals: Goal[] = [{ on: 'ratio', max: 1.5 }];
  if ('error' in store) return [errorRow('store.save', 'Notes store: save one note', 'ms', store.error, goals)];
  return store.sizes.flatMap((size) => {
    const label = `${size.toLocaleString('en-US')} notes, ${Math.round((store.bytes[size] ?? 0) / 1024).toLocaleString('en-US')} kB`;
    const save = store.save[size];
    const load = store.load[size];
    if (!save || !load) return [errorRow(`store.save.${size}`, `Notes store: save one note (${label})`, 'ms', 'no figures', goals)];
    return [
      measuredRow({ key: `store.save.${size}`, metric: `Notes store: save one note (${label}) vs stringify + write + fsyncs`, unit: 'ms', ours: save.ours, baseline: save.baseline, goals }),
      measuredRow({ key: `store.load.${size}`, metric: `Notes store: open (${label}) vs readFile + JSON.parse`, unit: 'ms', ours: load.ours, baseline: load.baseline }),
    ];
  });
}

function buildRows(
  session: SessionResults | null,
  detail: { times: Record<'110m' | '50m' | '10m', number[]>; error?: string } | null,
  interaction: Maybe<Awaited<ReturnType<typeof runInteraction>>>,
  notes: Maybe<NotesFigures>,
  memory: Maybe<MemoryFigures>,
  bundle: Maybe<BundleFigures>,
): Row[] {
  const rows: Row[] = [];
  /** A row from figures, or an error row if there are none. */
  function row(key: string, metric: string, unit: Unit, goals: Goal[], build: () => Row | string | null): void {
    try {
      const result = build();
      if (result === null) return;
      rows.push(typeof result === 'string' ? errorRow(key, metric, unit, result, goals) : result);
    } catch (error) {
      rows.push(errorRow(key, metric, unit, error, goals));
    }
  }
  const complete = (values: readonly number[]) => values.some(Number.isFinite);

  // 1. Start-up.
  const interactiveGoals: Goal[] = [{ on: 'ratio', max: 1.25 }];
  row('startup.interactive', '1. Open → map interactive (vs bare MapLibre + 50m)', 'ms', interactiveGoals, () => {
    if (!session) return null;
    if (!complete(session.ours.readyMs)) return session.errors.startup ?? 'no start-up figures';
    return measuredRow({ key: 'startup.interactive', metric: '1. Open → map interactive (vs bare MapLibre + 50m)', unit: 'ms', ours: session.ours.readyMs, baseline: session.baseline.readyMs, goals: interactiveGoals });
  });

  // 2. Detail cost.
  for (const [key, metric, top, goals] of [
    ['detail.10m-vs-50m', '2. World view idle, 10m vs 50m shapes (bare)', '10m', [{ on: 'ratio', max: 2 }]],
    ['detail.110m-vs-50m', '2. World view idle, 110m vs 50m shapes (bare)', '110m', []],
  ] as const) {
    row(key, metric, 'ms', [...goals], () => {
      if (!detail) return null;
      if (!complete(detail.times[top])) return detail.error ?? 'no figures';
      return measuredRow({ key, metric, unit: 'ms', ours: detail.times[top], baseline: detail.times['50m'], goals: [...goals] });
    });
  }

  // 3. Click → panel.
  const clicks = failed(interaction) ? null : interaction?.clicks;
  const clickError = failed(interaction) ? interaction.error : interaction?.clickError;
  for (const [key, metric, pick, max] of [
    ['click.painted.p95', '3. Click → panel painted (2 frames), p95', 'paintedMs', 100],
    ['click.presented.p95', '3. Click → frame presented (Event Timing), p95', 'presentedMs', 100],
    ['click.js.p95', '3. Click → panel in DOM (JS part), p95', 'jsMs', 50],
  ] as const) {
    const goals: Goal[] = [{ on: 'ours', max }];
    row(key, metric, 'ms', goals, () => {
      if (interaction === null) return null;
      if (!clicks || clicks.length === 0) return clickError ?? 'no clicks timed';
      const values = clicks.map((click) => click[pick]);
      const available = failed(interaction) ? 0 : (interaction?.available ?? 0);
      const missed = failed(interaction) ? 0 : (interaction?.misses.length ?? 0);
      const extra = [available < config.clicks + 3 ? `only ${available} clickable` : '', missed > 0 ? `${missed} missed` : ''].filter(Boolean);
      const note = `(median ${quantile(values, 0.5).toFixed(0)} ms, n=${values.length}${extra.map((text) => `, ${text}`).join('')})`;
      return measuredRow({ key, metric, unit: 'ms', ours: quantile(values, 0.95), goals, message: clickError ? `${note} ${clickError}` : note });
    });
  }

  // 4. Recolour.
  const recolourGoals: Goal[] = [
    { on: 'ratio', max: 0.5 },
    { on: 'ours', max: 16.7 },
  ];
  const recolourMetric = '4. Tier filter → drawn (feature-state vs setPaintProperty)';
  row('recolour.filter', recolourMetric, 'ms', recolourGoals, () => {
    if (!session) return null;
    if (!complete(session.ours.recolourMs)) return session.errors.recolour ?? 'no recolour figures';
    const js = `(JS part ${quantile(session.ours.recolourJsMs, 0.5).toFixed(1)} ms vs ${quantile(session.baseline.recolourJsMs, 0.5).toFixed(1)} ms)`;
    return measuredRow({
      key: 'recolour.filter',
      metric: recolourMetric,
      unit: 'ms',
      ours: session.ours.recolourMs,
      baseline: session.baseline.recolourMs,
      goals: recolourGoals,
      message: js,
    });
  });

  // 5. Flights.
  const flightGoals: Goal[] = [{ on: 'ratio', max: 1.1 }];
  const flightMetric = '5. flyTo across the world, frame interval p95';
  row('flight.frame.p95', flightMetric, 'ms', flightGoals, () => {
    if (!session) return null;
    if (!complete(session.ours.frameP95Ms)) return session.errors.flights ?? 'no flight figures';
    return measuredRow({ key: 'flight.frame.p95', metric: flightMetric, unit: 'ms', ours: session.ours.frameP95Ms, baseline: session.baseline.frameP95Ms, goals: flightGoals });
  });

  // 6. Search.
  const keys = failed(interaction) ? null : interaction?.keys;
  const searchError = failed(interaction) ? interaction.error : interaction?.searchError;
  const searchGoals = SEARCH_GOALS;
  row('search.passages.p95', '6. Search keystroke → results painted, p95 (passages)', 'ms', searchGoals, () => {
    if (interaction === null) return null;
    const typed = keys ?? [];
    if (typed.length === 0) return searchError ?? 'no keystrokes timed';
    return keystrokeRow('search.passages.p95', '6. Search keystroke → results painted, p95 (passages)', typed, failed(interaction) ? [] : interaction?.bareKeys);
  });
  row('search.presented.p95', '6. Search keystroke → frame presented (Event Timing), p95', 'ms', searchGoals, () => {
    if (interaction === null) return null;
    const typed = keys ?? [];
    if (typed.length === 0) return searchError ?? 'no keystrokes timed';
    const presented = typed.map((key) => key.presentedMs);
    return measuredRow({
      key: 'search.presented.p95',
      metric: '6. Search keystroke → frame presented (Event Timing), p95',
      unit: 'ms',
      ours: quantile(presented, 0.95),
      goals: searchGoals,
      message: `(median ${quantile(presented, 0.5).toFixed(0)} ms)`,
    });
  });
  rows.push(...notesRows(notes, config.notes, failed(interaction) ? [] : (interaction?.bareKeys ?? [])));

  // 7. Memory.
  const memoryGoals: Goal[] = [{ on: 'ratio', max: 1.05 }];
  const memoryMetric = `7. JS heap after ${config.cycles} panel open/close (vs after ${config.warmUpCycles} to warm up)`;
  row('memory.heap-after-warm-up', memoryMetric, 'MB', memoryGoals, () => {
    if (memory === null) return null;
    if (failed(memory)) return memory.error;
    const percent = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
    const code = memory.codeMB[1] - memory.codeMB[0];
    const growth = memory.afterCyclesMB - memory.afterWarmMB;
    const breakdown = Number.isFinite(code) ? `, of which compiled code ${code >= 0 ? '+' : ''}${code.toFixed(2)} MB, the rest ${growth - code >= 0 ? '+' : ''}${(growth - code).toFixed(2)} MB` : '';
    const note =
      `(after load ${memory.afterLoadMB.toFixed(1)} MB, after the warm-up ${memory.afterWarmMB.toFixed(1)} MB, ` +
      `${percent((memory.afterCyclesMB / memory.afterLoadMB - 1) * 100)} since load; growth since the warm-up ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB${breakdown}; ` +
      `DOM nodes ${memory.nodes[0]} → ${memory.nodes[1]}, listeners ${memory.listeners[0]} → ${memory.listeners[1]})`;
    return measuredRow({ key: 'memory.heap-after-warm-up', metric: memoryMetric, unit: 'MB', ours: memory.afterCyclesMB, baseline: memory.afterWarmMB, goals: memoryGoals, message: note });
  });

  // 8. Size and start-up script time.
  row('bundle.js', '8. Renderer JS, gzip (vs MapLibre alone)', 'kB', [], () => {
    if (bundle === null) return null;
    if (failed(bundle)) return bundle.error;
    return measuredRow({
      key: 'bundle.js',
      metric: '8. Renderer JS, gzip (vs MapLibre alone)',
      unit: 'kB',
      ours: bundle.jsKB,
      baseline: bundle.maplibreJsKB,
      message: `(the first script, which starts the map, ${Math.round(bundle.firstScriptKB).toLocaleString('en-US')} kB; the rest of the app loads after)`,
    });
  });
  row('bundle.css', '8. Renderer CSS, gzip (vs MapLibre alone)', 'kB', [], () => {
    if (bundle === null) return null;
    if (failed(bundle)) return bundle.error;
    return measuredRow({ key: 'bundle.css', metric: '8. Renderer CSS, gzip (vs MapLibre alone)', unit: 'kB', ours: bundle.cssKB, baseline: bundle.maplibreCssKB });
  });
  row('bundle.geometry', '8. Geometry files, gzip', 'kB', [], () => {
    if (bundle === null) return null;
    if (failed(bundle)) return bundle.error;
    const parts = Object.entries(bundle.geometryKB).map(([name, kb]) => `${name} ${Math.round(kb).toLocaleString('en-US')}`);
    const total = Object.values(bundle.geometryKB).reduce((sum, kb) => sum + kb, 0);
    return measuredRow({ key: 'bundle.geometry', metric: '8. Geometry files, gzip', unit: 'kB', ours: total, message: `(${parts.join(', ')})` });
  });
  row('startup.script', '8. Start-up JS time to interactive (ScriptDuration)', 'ms', [], () => {
    if (!session) return null;
    if (!complete(session.ours.scriptMs)) return session.errors.startup ?? 'no start-up figures';
    return measuredRow({ key: 'startup.script', metric: '8. Start-up JS time to interactive (ScriptDuration)', unit: 'ms', ours: session.ours.scriptMs, baseline: session.baseline.scriptMs });
  });
  row('startup.longest-task', '8. Start-up longest main-thread task', 'ms', [], () => {
    if (!session) return null;
    if (!complete(session.ours.longestTaskMs)) return session.errors.startup ?? 'no start-up figures';
    return measuredRow({ key: 'startup.longest-task', metric: '8. Start-up longest main-thread task', unit: 'ms', ours: session.ours.longestTaskMs, baseline: session.baseline.longestTaskMs });
  });

  return rows;
}
