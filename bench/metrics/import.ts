import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { composeServices, type Services } from '../../src/main/compose';
import type { SourceChange, SourcePreview } from '../../src/shared/contract';
import { quantile } from '../lib/stats';
import { errorRow, measuredRow, type Goal, type Row } from '../lib/table';

/** Per document size: how long an import takes, and how long main was ever blocked meanwhile. */
export interface ImportFigures {
  sizes: number[];
  /** Bytes of each generated document, by size. */
  bytes: Record<number, number>;
  passages: Record<number, number>;
  /** File chosen → preview ready (read, convert, ingest, link, tier changes), ms per run. */
  preview: Record<number, number[]>;
  /** Confirm → stored and the atlas rebuilt, ms per run. */
  apply: Record<number, number[]>;
  total: Record<number, number[]>;
  /** The longest main-thread stall during the import, measured by a 4 ms timer, ms per run. */
  stall: Record<number, number[]>;
  /** When the first progress report came, ms after the start, per run (null when the import had none). */
  firstProgress: Record<number, (number | null)[]>;
  /** A note saved with the source imported, until it is on disk, ms per run: the store file's size shows in it. */
  noteSave: Record<number, number[]>;
  /** Every note listed (atlas:notes/list, each placed against the atlas's passages) with the source imported, ms per run. */
  noteList: Record<number, number[]>;
  /** The store file's size with the source imported, kB (the source's text is kept in a file of its own). */
  storeKb: Record<number, number>;
  /**
   * What the renderer is sent of the atlas (atlas.get) with the source imported, MB, serialised as
   * Electron's IPC does (V8's structured clone, which sends an object shared by several countries once).
   */
  viewKb: Record<number, number>;
}

export const IMPORT_SIZES = [1_000_000, 10_000_000];

/**
 * A plain-text document of about `bytes`: the bundled source's paragraphs, numbered so none repeats
 * (repeats would share passage ids), a paragraph a line with blank lines between. Dense with
 * country names, so it is the linker's hard case rather than its easy one.
 */
export async function generatedDocument(repo: string, bytes: number): Promise<string> {
  const bundled = await readFile(join(repo, 'data/sources/foreign-relations-of-south-korea.txt'), 'utf8');
  const paragraphs = bundled.split(/\n\n/).slice(1, -1);
  const parts: string[] = ['Generated report for the import benchmark'];
  let length = parts[0]?.length ?? 0;
  for (let index = 0; length < bytes; index++) {
    const paragraph = `${paragraphs[index % paragraphs.length] ?? ''} (${String(index)})`;
    parts.push(paragraph);
    length += Buffer.byteLength(paragraph) + 2;
  }
  return parts.join('\n\n');
}

/**
 * Imports generated 1 MB and 10 MB text documents through the real services (store in a temp
 * folder, the real data), the way File › Import Source… does: preview, then apply. Each run
 * removes the source again afterwards, outside the timing.
 */
export async function runImport(repo: string, runs: number, log: (line: string) => void, sizes = IMPORT_SIZES): Promise<ImportFigures> {
  const figures: ImportFigures = { sizes, bytes: {}, passages: {}, preview: {}, apply: {}, total: {}, stall: {}, firstProgress: {}, noteSave: {}, noteList: {}, storeKb: {}, viewKb: {} };
  const folder = await mkdtemp(join(tmpdir(), 'atlas-bench-import-'));
  try {
    let answer: string | null = null;
    let firstReport: number | null = null;
    const services: Services = await composeServices({
      storeFolder: join(folder, 'store'),
      dataFolder: join(repo, 'data'),
      // Imports are read and linked in worker threads, as in the app.
      linkWorker: join(repo, 'out/main/linkWorker.js'),
      importWorker: join(repo, 'out/main/importWorker.js'),
      rendererFolder: join(repo, 'out/renderer'),
      appInfo: () => ({ name: 'bench', version: '0', electronVersion: null, chromeVersion: null, platform: process.platform, dataSources: [] }),
      defaultLanguage: 'en',
      onPrefsChanged: () => {},
      dialogs: { saveFile: async () => null, chooseFolder: async () => null, openFile: async () => answer },
      onImportProgress: () => {
        firstReport ??= performance.now();
      },
    });
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await services.invoke(channel, input, true);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    };

    for (const size of sizes) {
      const path = join(folder, `document-${size}.txt`);
      const text = await generatedDocument(repo, size);
      await writeFile(path, text);
      figures.bytes[size] = Buffer.byteLength(text);
      figures.preview[size] = [];
      figures.apply[size] = [];
      figures.total[size] = [];
      figures.stall[size] = [];
      figures.firstProgress[size] = [];
      figures.noteSave[size] = [];
      figures.noteList[size] = [];
      // One discarded warm-up run, then `runs` measured ones.
      for (let run = 0; run <= runs; run++) {
        answer = path;
        firstReport = null;
        let stall = 0;
        let tick = performance.now();
        const timer = setInterval(() => {
          const now = performance.now();
          stall = Math.max(stall, now - tick - 4);
          tick = now;
        }, 4);
        const start = performance.now();
        const preview = await call<SourcePreview>('atlas:sources/preview-import', { from: 'dialog', jobId: randomUUID() });
        const previewed = performance.now();
        const change = await call<SourceChange>('atlas:sources/apply-import', { token: preview.token, title: preview.title, attribution: preview.attribution });
        const applied = performance.now();
        clearInterval(timer);
        figures.passages[size] = preview.passages;
        await services.store.idle();
        const noteStart = performance.now();
        await call('atlas:notes/create', { target: { kind: 'country', countryId: 'CHL' }, body: `Bench note ${String(run)}.` });
        await services.store.idle();
        const noteSave = performance.now() - noteStart;
        const listStart = performance.now();
        await call('atlas:notes/list', undefined);
        const noteList = performance.now() - listStart;
        figures.storeKb[size] = (await stat(join(folder, 'store', 'atlas-store.json'))).size / 1000;
        if (run === 0) figures.viewKb[size] = serialize(await call('atlas:atlas/get', undefined)).byteLength / 1e3;
        if (run > 0) {
          figures.noteSave[size].push(noteSave);
          figures.noteList[size].push(noteList);
          figures.preview[size].push(previewed - start);
          figures.apply[size].push(applied - previewed);
          figures.total[size].push(applied - start);
          figures.stall[size].push(stall);
          figures.firstProgress[size].push(firstReport === null ? null : firstReport - start);
        }
        log(`import ${(size / 1e6).toFixed(0)} MB run ${run}${run === 0 ? ' (warm-up)' : ''}: preview ${(previewed - start).toFixed(0)} ms, apply ${(applied - previewed).toFixed(0)} ms, longest stall ${stall.toFixed(0)} ms`);
        await call('atlas:sources/remove', { id: change.source.id });
      }
    }
    await services.store.idle();
    await services.close();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return figures;
}

/** Issue 6: importing a 10 MB text document in ≤ 2 s; main never blocked long enough to freeze the UI. */
export function importRows(figures: ImportFigures | { error: string } | null): Row[] {
  if (figures === null) return [];
  const goals = (size: number): Goal[] => (size >= 10_000_000 ? [{ on: 'ours', max: 2000 }] : []);
  if ('error' in figures) return [errorRow('import.total', 'Import a text document', 'ms', figures.error, goals(10_000_000))];
  return figures.sizes.flatMap((size) => {
    const label = `${(figures.bytes[size] ?? size) / 1e6 >= 1 ? ((figures.bytes[size] ?? size) / 1e6).toFixed(1) : '?'} MB, ${(figures.passages[size] ?? 0).toLocaleString('en-US')} passages`;
    const total = figures.total[size] ?? [];
    if (total.length === 0) return [errorRow(`import.total.${size}`, `Import a text document (${label})`, 'ms', 'no figures', goals(size))];
    const preview = figures.preview[size] ?? [];
    const apply = figures.apply[size] ?? [];
    const firsts = (figures.firstProgress[size] ?? []).filter((value): value is number => value !== null);
    const progress = firsts.length > 0 ? `, first progress after ${quantile(firsts, 0.5).toFixed(0)} ms` : '';
    return [
      measuredRow({
        key: `import.total.${size}`,
        metric: `Import a text document (${label}): preview + apply`,
        unit: 'ms',
        ours: total,
        goals: goals(size),
        message: `(preview ${quantile(preview, 0.5).toFixed(0)} ms, apply ${quantile(apply, 0.5).toFixed(0)} ms${progress})`,
      }),
      measuredRow({ key: `import.stall.${size}`, metric: `Import (${label}): longest main-thread stall`, unit: 'ms', ours: figures.stall[size] ?? [] }),
      measuredRow({
        key: `import.noteSave.${size}`,
        metric: `A note saved with that source imported (store file ${(figures.storeKb[size] ?? 0).toFixed(1)} kB; atlas summary sent to the window ${(figures.viewKb[size] ?? 0).toFixed(0)} kB)`,
        unit: 'ms',
        ours: figures.noteSave[size] ?? [],
      }),
      measuredRow({ key: `import.noteList.${size}`, metric: 'Every note listed with that source imported (atlas:notes/list)', unit: 'ms', ours: figures.noteList[size] ?? [] }),
    ];
  });
}
