import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { ImportProgress, Result, SourcePreview, SourceView } from '../../src/shared/contract';
import { composeServices, type Services } from '../../src/main/compose';
import { convertInWorker } from '../../src/main/import/importWorker';
import { IMPORT_LIMITS } from '../../src/shared/sources';
import { isCodedError } from '../../src/shared/codedError';
import { manyPagePdf, pdfBomb } from '../support/hostileDocuments';
import { importWorker, linkWorker } from './harness';

// The import worker runs only from the build (out/main/importWorker.js), so it is tested here, after
// `npx electron-vite build`. No browser: these drive main's services alone, as Electron's main does.

const repo = resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;

let folder: string;
let services: Services;
let answers: string[];
let progress: ImportProgress[];
// Called with each progress report as main sends it, to act at a given phase.
let onReport: (report: ImportProgress) => void;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-import-worker-'));
  answers = [];
  progress = [];
  onReport = () => {};
  services = await composeServices({
    storeFolder: join(folder, 'store'),
    dataFolder: join(repo, 'data'),
    rendererFolder: join(repo, 'out/renderer'),
    appInfo: () => ({ name: 'test', version: '0', electronVersion: null, chromeVersion: null, platform: process.platform, dataSources: [] }),
    defaultLanguage: 'en',
    onPrefsChanged: () => {},
    dialogs: { saveFile: () => Promise.resolve(null), chooseFolder: () => Promise.resolve(null), openFile: () => Promise.resolve(answers.shift() ?? null) },
    onImportProgress: (report) => {
      progress.push(report);
      onReport(report);
    },
    linkWorker,
    importWorker,
  });
});
test.afterEach(async () => {
  await services.close();
  await rm(folder, { recursive: true, force: true });
});

async function document(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

/** Previews the import of `path` through main's handler table: the preview, or the error it answered with. */
async function preview(path: string, jobId = randomUUID()): Promise<Result<SourcePreview | null>> {
  answers.push(path);
  return (await services.invoke('atlas:sources/preview-import', { from: 'dialog', jobId }, true)) as Result<SourcePreview | null>;
}

async function importedSources(): Promise<SourceView[]> {
  const listed = await services.invoke('atlas:sources/list', undefined, true);
  if (!listed.ok) throw new Error(listed.error.message);
  return (listed.value as SourceView[]).filter((source) => source.origin === 'imported');
}

/** The highest resident set size this process has had (Linux), in bytes. */
function peakRss(): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return Number(line?.[1] ?? 0) * 1024;
}

/** The time main's thread has spent on a core, in milliseconds (Linux's schedstat, to the nanosecond). */
function mainThreadCpuMs(): number {
  return Number(readFileSync(`/proc/self/task/${String(process.pid)}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

/**
 * Calls `during` while a timer ticking every 10 ms notes the longest time main's thread worked
 * between two ticks without answering: the time it spent on a core, not the time on the clock,
 * since on a loaded machine a thread that is ready waits for a core for a while.
 */
async function longestStall(during: () => Promise<void>): Promise<{ cpu: number; wall: number }> {
  let last = { at: performance.now(), cpu: mainThreadCpuMs() };
  const longest = { cpu: 0, wall: 0 };
  const tick = (): void => {
    const now = { at: performance.now(), cpu: mainThreadCpuMs() };
    longest.cpu = Math.max(longest.cpu, now.cpu - last.cpu);
    longest.wall = Math.max(longest.wall, now.at - last.at);
    last = now;
  };
  const ticker = setInterval(tick, 10);
  try {
    await during();
  } finally {
    clearInterval(ticker);
    tick();
  }
  return longest;
}

test.describe('reading an import in a worker thread', () => {
  test('main keeps answering within 100 ms while hostile documents are read and linked', async () => {
    // Each of these held main for 6 to 15 s before (the quadratic readers ran on it). The work left
    // on main runs in slices of about 16 ms; 100 ms is six of them, with room for a slow machine's
    // garbage collection, and still far under the seconds main stalled for. It is counted in the
    // thread's own time on a core, so a busy machine's waits for one do not count as main's work.
    const hostile = [
      await document('footnotes.md', 'Japan[^'.repeat(40_000)),
      await document('nested.html', `${'<div>'.repeat(25_000)}Japan and Korea${'</div>'.repeat(25_000)}`),
      await document('quotes.md', `${'> '.repeat(500_000)}Japan`),
    ];
    const answers: Result<unknown>[] = [];
    const stall = await longestStall(async () => {
      for (const path of hostile) {
        answers.push(await preview(path));
        // Main answers a call in between, as the window would ask for one.
        answers.push(await services.invoke('atlas:sources/list', undefined, true));
      }
    });
    console.log(`Longest stall: ${stall.cpu.toFixed(0)} ms on main's thread (${stall.wall.toFixed(0)} ms on the clock)`);
    expect(stall.cpu).toBeLessThan(100);
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);
  });

  test('a PDF decompression bomb is stopped as "too large once decompressed", memory stays low, nothing is stored and the app answers', async () => {
    // 4.3 MB on disk, 4 GB once inflated: read on main it took the app to 4.4 GB.
    const bomb = await document('bomb.pdf', pdfBomb(4096));
    const before = process.memoryUsage.rss();
    const answer = await preview(bomb);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.reason).toBe('too-large-decompressed');
    // The limit is on growth while the document is read; the worker is stopped within a poll of it.
    expect(peakRss() - before).toBeLessThan((IMPORT_LIMITS.memoryMb + 512) * MB);
    expect(await importedSources()).toEqual([]);
    expect(progress.map((report) => report.phase)).toContain('converting');
  });

  test('Cancel stops a document being read at once: the preview answers null and nothing is stored', async () => {
    const jobId = randomUUID();
    const pending = preview(await document('bomb.pdf', pdfBomb(4096)), jobId);
    await expect.poll(() => progress.some((report) => report.jobId === jobId && report.phase === 'converting')).toBe(true);
    expect((await services.invoke('atlas:sources/cancel-import', { jobId }, true)).ok).toBe(true);
    // Null, not "too large": the thread was stopped before the bomb reached the memory limit.
    expect(await pending).toEqual({ ok: true, value: null });
    expect(await importedSources()).toEqual([]);
    // A job that is not running is not cancelled.
    expect(await services.invoke('atlas:sources/cancel-import', { jobId }, true)).toEqual({ ok: true, value: false });
  });

  test('Cancel while a document is linked drops its preview once linking ends, and nothing is stored', async () => {
    const bundled = readFileSync(join(repo, 'data/sources/foreign-relations-of-south-korea.txt'), 'utf8').split('\n\n').slice(1, -1);
    const text = Array.from({ length: 3000 }, (_, index) => `${bundled[index % bundled.length]!} (${String(index)})`).join('\n\n');
    const jobId = randomUUID();
    const cancels: Promise<Result<unknown>>[] = [];
    // Cancelled the moment main says it is linking: the worker threads are not stopped, the preview is dropped.
    onReport = (report) => {
      if (report.phase === 'linking' && cancels.length === 0) cancels.push(services.invoke('atlas:sources/cancel-import', { jobId }, true));
    };
    expect(await preview(await document('long.txt', `Long report\n\n${text}`), jobId)).toEqual({ ok: true, value: null });
    expect(await Promise.all(cancels)).toEqual([{ ok: true, value: true }]);
    expect(progress.map((report) => report.phase)).not.toContain('comparing');
    expect(await importedSources()).toEqual([]);
    // The same document imports as usual afterwards.
    const again = await preview(join(folder, 'long.txt'));
    expect(again.ok && again.value?.passages).toBe(3000);
  });

  test('a document read past the time limit or the heap cap gets import-timeout or import-out-of-memory', async () => {
    const slow = convertInWorker(importWorker, { fileName: 'long.pdf', bytes: manyPagePdf(2000) }, { limits: { ...IMPORT_LIMITS, timeMs: 300 } });
    const timedOut = await slow.result.catch((error: unknown) => error);
    expect(isCodedError(timedOut, 'import-timeout')).toBe(true);
    const text = new TextEncoder().encode('Seoul and Lima signed a trade agreement.\n\n'.repeat(200_000));
    const big = convertInWorker(importWorker, { fileName: 'big.txt', bytes: text }, { limits: { ...IMPORT_LIMITS, heapMb: 16 } });
    const outOfMemory = await big.result.catch((error: unknown) => error);
    expect(isCodedError(outOfMemory, 'import-out-of-memory')).toBe(true);
  });

  test('reads a document in the worker as main would, and falls back to main, logged, when the worker cannot start', async () => {
    const bytes = new TextEncoder().encode('# Trade\n\nSeoul and Lima signed a *trade* agreement.');
    const read = await convertInWorker(importWorker, { fileName: 'trade.md', bytes }).result;
    expect(read?.converted).toMatchObject({ format: 'markdown', title: 'Trade', text: 'Seoul and Lima signed a trade agreement.' });
    const logged: string[] = [];
    const fallback = await convertInWorker(join(folder, 'no-such-importWorker.js'), { fileName: 'trade.md', bytes }, { log: (message) => logged.push(message) }).result;
    expect(fallback).toEqual(read);
    expect(logged).toEqual(['The import worker could not start; reading the document on main instead.']);
  });

  test('a worker that is there but fails before it is ready fails the import: the document is not read on main', async () => {
    const broken = join(folder, 'broken-importWorker.js');
    await writeFile(broken, 'throw new Error("the worker failed while starting");');
    const logged: string[] = [];
    const progress: number[] = [];
    const bytes = new TextEncoder().encode('# Trade\n\nSeoul and Lima signed a *trade* agreement.');
    const failure = await convertInWorker(broken, { fileName: 'trade.md', bytes }, { log: (message) => logged.push(message), onProgress: (done) => progress.push(done) }).result.catch(
      (error: unknown) => error,
    );
    expect(String(failure)).toContain('the worker failed while starting');
    expect(logged).toEqual([]);
    expect(progress).toEqual([]);
  });
});
