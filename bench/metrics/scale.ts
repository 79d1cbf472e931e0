import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import type { Page } from '@playwright/test';
import { composeServices, type Services } from '../../src/main/compose';
import type { AtlasSummary, PassageSearchPage, SourcePreview } from '../../src/shared/contract';
import type { Setup } from '../lib/environment';
import { openApp } from '../lib/pages';
import { markerOf, scaleDocument } from '../lib/scaleDocuments';
import { quantile } from '../lib/stats';
import { errorRow, measuredRow, type Goal, type Row } from '../lib/table';
import { clickableCountries, openAndClose, QUERIES } from './interaction';

/** Documents imported at each step of the scale group (BENCH_SCALE_DOCS overrides); 0, bundled only, is always measured first. */
export const SCALE_DOCS = [1, 10, 50];
const DOCUMENT_BYTES = 1_000_000;
/** Countries clicked at each step, each `rounds` times after a warm-up click. */
const COUNTRIES = 5;

/** What one step (a number of imported documents) measured. */
export interface ScaleStep {
  documents: number;
  passages: number;
  /** Imports through preview + apply, all documents, ms (0 for none). */
  importMs: number;
  /** Main's start on that store (the sources linked, the services ready), ms. */
  mainStartMs: number;
  /** The search indexes ready at that start: read from their files, none built. */
  indexReadyMs: number;
  indexes: { built: number; loaded: number };
  /** The sources whose linked passages that start read back (`linked-passages/`), and those it linked again. */
  linked: { read: number; stale: number };
  /** The window: open → map interactive, ms. */
  startupMs: number;
  /** atlas.get's answer as IPC serialises it (V8's structured clone), bytes. */
  atlasBytes: number;
  /** Click → panel painted, ms. */
  clicks: number[];
  /** Keystroke → passage hits for it painted, ms (renderer round trip, with the window's pause before it asks). */
  keystrokes: number[];
  /** One search in main (atlas:search/passages as the window calls it), ms, every prefix of every query. */
  mainSearch: number[];
  /** The window's JS heap after a garbage collection, MB. */
  heapMB: number;
}

export interface ScaleFigures {
  steps: ScaleStep[];
  pageErrors: string[];
}

async function call<T>(services: Services, channel: string, input?: unknown): Promise<T> {
  const result = await services.invoke(channel, input, true);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** A store folder with documents 0 … count - 1 imported through the app's own path (preview, then apply), indexes built. */
export async function preparedStore(setup: Setup, count: number): Promise<{ folder: string; importMs: number }> {
  const folder = await mkdtemp(join(tmpdir(), 'atlas-bench-scale-'));
  if (count === 0) return { folder, importMs: 0 };
  // The app's version, as the window's services will have it: what linking made is kept under it.
  const { version } = JSON.parse(await readFile(join(setup.repo, 'package.json'), 'utf8')) as { version: string };
  const services = await composeServices({
    storeFolder: folder,
    dataFolder: join(setup.repo, 'data'),
    rendererFolder: join(setup.repo, 'out/renderer'),
    linkWorker: join(setup.repo, 'out/main/linkWorker.js'),
    importWorker: join(setup.repo, 'out/main/importWorker.js'),
    appInfo: () => ({ name: 'bench', version, electronVersion: null, chromeVersion: null, platform: process.platform, dataSources: [] }),
    defaultLanguage: 'en',
    onPrefsChanged: () => {},
  });
  try {
    const started = performance.now();
    for (let index = 0; index < count; index++) {
      const data = new TextEncoder().encode(await scaleDocument(setup.repo, index, DOCUMENT_BYTES));
      const preview = await call<SourcePreview>(services, 'atlas:sources/preview-import', { from: 'bytes', jobId: randomUUID(), fileName: `report-${String(index)}.txt`, data });
      await call(services, 'atlas:sources/apply-import', { token: preview.token, title: preview.title, attribution: '' });
    }
    const importMs = performance.now() - started;
    await services.passageIndex.ready();
    return { folder, importMs };
  } finally {
    await services.close();
  }
}

/** In the page: resolves with keydown → the frame after the passage hits for `query` are in the list. */
function armPassageHits(query: string): void {
  const bench = (window.__bench ??= {});
  bench.pending = new Promise<number>((resolve, reject) => {
    const list = document.getElementById('country-options');
    if (!list) return reject(new Error('no #country-options'));
    let keyAt = Number.NaN;
    addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true, once: true });
    const done = () => list.dataset['passageQuery'] === query && list.dataset['searching'] !== 'true';
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - keyAt);
        channel.port2.postMessage(null);
      });
    });
    observer.observe(list, { attributes: true, attributeFilter: ['data-passage-query', 'data-searching'] });
    setTimeout(() => reject(new Error(`no passage hits for “${query}” within 10 s`)), 10_000);
  });
}

async function collectPending(page: Page): Promise<number> {
  return page.evaluate(() => window.__bench!.pending as Promise<number>);
}

/** The search typed a character at a time; each keystroke from the second character timed to its hits painted. */
async function typeAndTime(page: Page, queries: readonly string[]): Promise<number[]> {
  const input = page.locator('#country-search');
  const times: number[] = [];
  for (const query of queries) {
    await input.fill('');
    await input.focus();
    await page.keyboard.type(query[0]!);
    for (let length = 2; length <= query.length; length++) {
      const typed = query.slice(0, length);
      // A space adds no word: the hits stay those of the text before it.
      if (typed.endsWith(' ')) {
        await page.keyboard.type(' ');
        continue;
      }
      await page.evaluate(armPassageHits, typed);
      await page.keyboard.type(typed.at(-1)!);
      times.push(await collectPending(page));
    }
  }
  await input.fill('');
  return times;
}

/**
 * The scale group: the window and the passage search with 0 (bundled only), 1, 10 and 50
 * generated 1 MB documents imported through the app's real path. For each: main's start on that
 * store (indexes read back, never rebuilt), the window's start-up, the atlas message's size, click
 * → panel, keystroke → passage hits painted, one search in main, and the window's heap.
 */
export async function runScale(setup: Setup, sizes: readonly number[], rounds: number, log: (line: string) => void): Promise<ScaleFigures> {
  const steps: ScaleStep[] = [];
  const pageErrors: string[] = [];
  const queries = [...QUERIES.slice(1), markerOf(0), 'strategic partnership'];
  for (const documents of [0, ...sizes]) {
    const { folder, importMs } = await preparedStore(setup, documents);
    log(`scale ${documents} documents: imported in ${(importMs / 1000).toFixed(1)} s`);
    let services: Services | null = null;
    const opening = performance.now();
    let mainStartMs = 0;
    let indexReadyMs = 0;
    let linked = { read: 0, stale: 0 };
    let atlasBytes = 0;
    let passages = 0;
    const opened = await openApp(setup, setup.mapIds, {
      storeFolder: folder,
      prepare: async (started) => {
        services = started;
        mainStartMs = performance.now() - opening;
        const counts = started.linkedCache.counts();
        linked = { read: counts.read, stale: counts.stale };
        const ready = performance.now();
        await started.passageIndex.ready();
        indexReadyMs = performance.now() - ready;
        // What the window is sent; the passages are counted in main's whole atlas, which keeps them.
        atlasBytes = serialize(await call<AtlasSummary>(started, 'atlas:atlas/get')).byteLength;
        passages = started.atlas().model.passages.length;
      },
    });
    const live = services as Services | null;
    try {
      if (!live) throw new Error('the services did not start');
      const { page, cdp } = opened;
      const indexes = live.passageIndex.counts();
      // Clicks on the countries with the most passages that a click surely reaches.
      const view = await call<AtlasSummary>(live, 'atlas:atlas/get');
      const ranked = [...setup.mapIds].sort((a, b) => (view.countries[b]?.passages ?? 0) - (view.countries[a]?.passages ?? 0));
      const targets = await clickableCountries(page, ranked, COUNTRIES);
      const clicks: number[] = [];
      for (let round = 0; round <= rounds; round++) {
        for (const target of targets) {
          const timing = await openAndClose(page, target, true);
          if (round > 0 && timing) clicks.push(timing.paintedAt - timing.clickAt);
        }
      }
      const keystrokes = await typeAndTime(page, queries);
      // In main, as the window asks: every prefix of two letters or more, after one warm-up pass.
      const mainSearch: number[] = [];
      let seq = 1_000_000;
      for (let pass = 0; pass < 2; pass++) {
        for (const query of queries) {
          for (let length = 2; length <= query.length; length++) {
            const started = performance.now();
            const answer = await call<PassageSearchPage>(live, 'atlas:search/passages', { query: query.slice(0, length), offset: 0, limit: 20, seq: ++seq });
            if (pass > 0 && !answer.superseded) mainSearch.push(performance.now() - started);
          }
        }
      }
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const step: ScaleStep = {
        documents,
        passages,
        importMs,
        mainStartMs,
        indexReadyMs,
        indexes,
        linked,
        startupMs: opened.startup.readyMs,
        atlasBytes,
        clicks,
        keystrokes,
        mainSearch,
        heapMB: heap.usedSize / 1e6,
      };
      steps.push(step);
      pageErrors.push(...opened.errors);
      log(
        `scale ${documents} documents (${passages.toLocaleString('en-US')} passages): main start ${mainStartMs.toFixed(0)} ms (linked passages of ${linked.read} read, ${linked.stale} stale; indexes ${indexes.loaded} read, ${indexes.built} built, ${indexReadyMs.toFixed(0)} ms), ` +
          `window ${step.startupMs.toFixed(0)} ms, atlas ${(atlasBytes / 1e3).toFixed(0)} kB, click p95 ${quantile(clicks, 0.95).toFixed(0)} ms, ` +
          `keystroke p95 ${quantile(keystrokes, 0.95).toFixed(0)} ms, search in main p95 ${quantile(mainSearch, 0.95).toFixed(1)} ms, heap ${step.heapMB.toFixed(1)} MB`,
      );
    } finally {
      await opened.close();
      await live?.close();
      await rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  }
  return { steps, pageErrors };
}

const kb = (bytes: number) => `${Math.round(bytes / 1e3).toLocaleString('en-US')} kB`;
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;

/** The group's own table: one line per number of documents, each figure with its ratio to bundled-only. */
export function scaleTable(figures: ScaleFigures): string {
  const base = figures.steps.find((step) => step.documents === 0);
  const ratio = (value: number, of: number | undefined) => (of && of > 0 ? ` (${(value / of).toFixed(2)}×)` : '');
  const header = '| documents (passages) | main start (linked passages read; indexes read) | window start-up | atlas message | click → panel p95 | keystroke → hits p95 | search in main p95 | window heap |';
  const lines = figures.steps.map((step) =>
    [
      `${step.documents === 0 ? 'bundled only' : `${step.documents} × 1 MB`} (${step.passages.toLocaleString('en-US')})`,
      `${ms(step.mainStartMs)} (${step.linked.read}; ${step.indexes.loaded} read, ${step.indexes.built} built)`,
      `${ms(step.startupMs)}${ratio(step.startupMs, base?.startupMs)}`,
      `${kb(step.atlasBytes)}${ratio(step.atlasBytes, base?.atlasBytes)}`,
      `${ms(quantile(step.clicks, 0.95))}${ratio(quantile(step.clicks, 0.95), base && quantile(base.clicks, 0.95))}`,
      `${ms(quantile(step.keystrokes, 0.95))}`,
      `${quantile(step.mainSearch, 0.95).toFixed(1)} ms`,
      `${step.heapMB.toFixed(1)} MB${ratio(step.heapMB, base?.heapMB)}`,
    ].join(' | '),
  );
  return [header, `|${' --- |'.repeat(8)}`, ...lines.map((line) => `| ${line} |`)].join('\n');
}

/** The group's rows in the bench's main table: each figure against bundled-only, with the issue's goals at the largest step. */
export function scaleRows(figures: ScaleFigures | { error: string } | null): Row[] {
  if (figures === null) return [];
  if ('error' in figures) return [errorRow('scale', 'Scale: imported 1 MB documents', 'ms', figures.error)];
  const base = figures.steps.find((step) => step.documents === 0);
  const largest = Math.max(...figures.steps.map((step) => step.documents));
  return figures.steps
    .filter((step) => step.documents > 0)
    .flatMap((step) => {
      const label = `Scale, ${step.documents} × 1 MB imported vs bundled only`;
      const atGoal = (goals: Goal[]) => (step.documents === largest ? goals : []);
      return [
        measuredRow({ key: `scale.${step.documents}.startup`, metric: `${label}: window open → map interactive`, unit: 'ms', ours: step.startupMs, ...(base ? { baseline: base.startupMs } : {}) }),
        measuredRow({
          key: `scale.${step.documents}.atlas`,
          metric: `${label}: the atlas message (as IPC serialises it)`,
          unit: 'kB',
          ours: step.atlasBytes / 1e3,
          ...(base ? { baseline: base.atlasBytes / 1e3 } : {}),
          goals: atGoal([{ on: 'ratio', max: 1.2 }]),
        }),
        measuredRow({ key: `scale.${step.documents}.click`, metric: `${label}: click → panel painted, p95`, unit: 'ms', ours: quantile(step.clicks, 0.95), ...(base ? { baseline: quantile(base.clicks, 0.95) } : {}) }),
        measuredRow({
          key: `scale.${step.documents}.keystroke`,
          metric: `${label}: keystroke → passage hits painted, p95 (with the window's 60 ms pause)`,
          unit: 'ms',
          ours: quantile(step.keystrokes, 0.95),
          ...(base ? { baseline: quantile(base.keystrokes, 0.95) } : {}),
        }),
        measuredRow({
          key: `scale.${step.documents}.search-main`,
          metric: `${label}: one passage search in main, p95 (${step.mainSearch.length} queries)`,
          unit: 'ms',
          ours: quantile(step.mainSearch, 0.95),
          ...(base ? { baseline: quantile(base.mainSearch, 0.95) } : {}),
          goals: atGoal([{ on: 'ours', max: 30 }]),
        }),
        measuredRow({
          key: `scale.${step.documents}.heap`,
          metric: `${label}: the window's JS heap after GC`,
          unit: 'MB',
          ours: step.heapMB,
          ...(base ? { baseline: base.heapMB } : {}),
          goals: atGoal([{ on: 'ratio', max: 1.2 }]),
        }),
      ];
    });
}
