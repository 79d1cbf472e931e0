import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { documentContext, ingestSource, linkAtlasSource, type AtlasPassage } from '../../src/shared/atlas';
import { passageFindings } from '../../src/shared/atlas/tiers';
import type { SourceChange, SourcePreview } from '../../src/shared/contract';
import { loadAtlasBase } from '../../src/main/data/atlasFiles';
import { composeServices, type ServiceOptions, type Services } from '../../src/main/compose';
import { LINKED_FOLDER } from '../../src/main/import/linkedCache';
import { createLinkWorker, type LinkLimits, type LinkWorker } from '../../src/main/import/linkWorker';
import { createLiveAtlas } from '../../src/main/import/liveAtlas';
import { isCodedError } from '../../src/shared/codedError';
import { importWorker, linkWorker } from './harness';

// The link worker runs only from the build (out/main/linkWorker.js), so it is tested here, after
// `npm run build`, rather than with the unit tests. No browser: these drive main's services alone.

const repo = resolve(import.meta.dirname, '../..');
const dataFolder = join(repo, 'data');

/** The bundled article's paragraphs, numbered so none repeats, until the text has `paragraphs` of them: enough for main and the worker to share. */
async function largeDocument(paragraphs: number): Promise<string> {
  const bundled = await readFile(join(dataFolder, 'sources/foreign-relations-of-south-korea.txt'), 'utf8');
  const source = bundled.split('\n\n').slice(1, -1);
  return Array.from({ length: paragraphs }, (_, index) => `${source[index % source.length]!} (${String(index)})`).join('\n\n');
}

/** Main's services over a store in `storeFolder`, whose file dialog always picks `document`; what they log goes to `logged`. */
function openServices(storeFolder: string, document: string, logged: string[], options: Pick<ServiceOptions, 'linkWorker' | 'linkLimits' | 'importWorker' | 'onImportProgress'>): Promise<Services> {
  return composeServices({
    storeFolder,
    dataFolder,
    rendererFolder: join(repo, 'out/renderer'),
    appInfo: () => ({ name: 'test', version: '0', electronVersion: null, chromeVersion: null, platform: process.platform, dataSources: [] }),
    defaultLanguage: 'en',
    onPrefsChanged: () => {},
    dialogs: { saveFile: () => Promise.resolve(null), chooseFolder: () => Promise.resolve(null), openFile: () => Promise.resolve(document) },
    ...options,
    log: (message) => logged.push(message),
  });
}

/** What main answers on `channel`; a failure is thrown with its reason. */
async function call<T>(services: Services, channel: string, input: unknown): Promise<T> {
  const result = await services.invoke(channel, input, true);
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.message}`), { reason: result.error.reason });
  return result.value as T;
}

function withFindings(passages: readonly AtlasPassage[], base: Awaited<ReturnType<typeof loadAtlasBase>>): unknown[] {
  return passages.map((passage) => ({ passage, findings: passageFindings(passage, base.context.scheme) }));
}

test.describe('linking an import in a worker thread beside main', () => {
  test('gives the passages, links, events and tier findings main alone gives, with two workers linking a half each', async () => {
    const base = await loadAtlasBase(dataFolder);
    const text = await largeDocument(3000);
    const real = [createLinkWorker(linkWorker, dataFolder), createLinkWorker(linkWorker, dataFolder)];
    const sent: number[] = [];
    const counting = real.map(
      (worker): LinkWorker => ({
        link: (passages, document, onProgress) => {
          sent.push(passages.length);
          return worker.link(passages, document, onProgress);
        },
        close: () => worker.close(),
      }),
    );
    try {
      const logged: unknown[] = [];
      const live = await createLiveAtlas(base, [], () => Promise.resolve(null), { workers: counting, log: (_, error) => logged.push(error) });
      const progress: number[] = [];
      const { passages } = await live.link({ id: 'imported-large', title: 'Large', attribution: '', hash: 'h', text }, (done) => progress.push(done));
      expect(logged).toEqual([]);
      expect(sent).toEqual([1500, 1500]);
      expect(passages).toHaveLength(3000);
      const expected = linkAtlasSource({ sourceId: 'imported-large', title: '', text }, base.context.gazetteer, base.context.scheme);
      expect(withFindings(passages, base)).toEqual(withFindings(expected, base));
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.every((done, index) => done >= 0 && done <= 1 && (index === 0 || done >= progress[index - 1]! - 1e-9))).toBe(true);
    } finally {
      await Promise.all(real.map((worker) => worker.close()));
    }
  });

  test('"the North" and "the South" link in either half as in the whole document, whichever half names a Korea', async () => {
    const base = await loadAtlasBase(dataFolder);
    const { gazetteer, scheme } = base.context;
    // Past the size that is split between the workers; one Korea named by its full name in one half only.
    const filler = (index: number): string => `Paragraph ${String(index)} records the rainfall of that year.`;
    const documents = [
      { name: 'South Korea in the first half, "the North" in the second', korea: 3, short: 1800, phrase: 'Talks with the North resumed in 2018.', country: 'PRK' },
      { name: '"the South" in the first half, North Korea in the second', korea: 1800, short: 3, phrase: 'Envoys of the South arrived in 1972.', country: 'KOR' },
    ];
    const workers = [createLinkWorker(linkWorker, dataFolder), createLinkWorker(linkWorker, dataFolder)];
    try {
      for (const document of documents) {
        const text = Array.from({ length: 2400 }, (_, index) =>
          index === document.korea ? `${document.country === 'PRK' ? 'South' : 'North'} Korea opened an office in 1990.` : index === document.short ? document.phrase : filler(index),
        ).join('\n\n');
        const logged: unknown[] = [];
        const live = await createLiveAtlas(base, [], () => Promise.resolve(null), { workers, log: (_, error) => logged.push(error) });
        const { passages } = await live.link({ id: 'imported-halves', title: 'Halves', attribution: '', hash: 'h', text });
        expect(logged, document.name).toEqual([]);
        const expected = linkAtlasSource({ sourceId: 'imported-halves', title: '', text }, gazetteer, scheme);
        // The whole document links the short form: the halves must too.
        expect(expected.find((passage) => passage.text === document.phrase)?.links.map((link) => link.countryId), document.name).toEqual([document.country]);
        expect(withFindings(passages, base), document.name).toEqual(withFindings(expected, base));
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
    }
  });

  test('a short document goes to one worker whole; a run past the time limit fails with link-timeout, not on main', async () => {
    const base = await loadAtlasBase(dataFolder);
    const text = await largeDocument(300);
    const slow = createLinkWorker(linkWorker, dataFolder, 60_000, { heapMb: 512, timeMs: 1 });
    const quick = createLinkWorker(linkWorker, dataFolder);
    try {
      const logged: unknown[] = [];
      const live = await createLiveAtlas(base, [], () => Promise.resolve(null), { workers: [quick, slow], log: (_, error) => logged.push(error) });
      const { passages } = await live.link({ id: 'imported-short', title: 'Short', attribution: '', hash: 'h', text });
      expect(passages).toHaveLength(300);
      const timing = await createLiveAtlas(base, [], () => Promise.resolve(null), { workers: [slow], log: (_, error) => logged.push(error) });
      const failure = await timing.link({ id: 'imported-short', title: 'Short', attribution: '', hash: 'h', text }, undefined, true).catch((error: unknown) => error);
      expect(isCodedError(failure, 'link-timeout')).toBe(true);
      expect(logged).toEqual([]);
    } finally {
      await Promise.all([slow.close(), quick.close()]);
    }
  });

  test('a worker stopped after a while without imports starts again for the next one, and answers the same', async () => {
    const base = await loadAtlasBase(dataFolder);
    const passages = ingestSource({ sourceId: 'imported-small', title: '', text: await largeDocument(300) });
    // The worker's module behind one that writes a line each time a thread starts it, so the test sees the stop and the start.
    const folder = await mkdtemp(join(tmpdir(), 'atlas-link-starts-'));
    const starts = join(folder, 'starts.txt');
    const counting = join(folder, 'countingLinkWorker.mjs');
    await writeFile(starts, '');
    await writeFile(counting, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(starts)}, 'start\\n');\nawait import(${JSON.stringify(pathToFileURL(linkWorker).href)});\n`);
    const threadStarts = async (): Promise<number> => (await readFile(starts, 'utf8')).split('\n').filter(Boolean).length;
    const worker = createLinkWorker(counting, dataFolder, 50);
    try {
      const document = documentContext(passages, base.context.gazetteer);
      const first = await worker.link(passages, document);
      const again = await worker.link(passages, document);
      expect(again).toEqual(first);
      // Two calls in a row run in one thread.
      expect(await threadStarts()).toBe(1);
      // Past the idle time, the thread has been stopped; the next call starts another.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = await worker.link(passages, document);
      expect(second).toEqual(first);
      expect(await threadStarts()).toBe(2);
      expect(first.links.length / 5).toBe(linkAtlasSource({ sourceId: 'imported-small', title: '', text: await largeDocument(300) }, base.context.gazetteer).reduce((count, passage) => count + passage.links.length, 0));
    } finally {
      await worker.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('an import still works, linked on main, when the worker cannot start; the failure is logged', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-link-worker-'));
    const document = join(folder, 'large.txt');
    await writeFile(document, await largeDocument(2500));
    const logged: string[] = [];
    const open = (storeFolder: string, worker: string): Promise<Services> => openServices(storeFolder, document, logged, { linkWorker: worker });
    const importInto = async (services: Services): Promise<{ preview: SourcePreview; change: SourceChange; atlas: string }> => {
      const preview = await call<SourcePreview>(services, 'atlas:sources/preview-import', { from: 'dialog', jobId: randomUUID() });
      const change = await call<SourceChange>(services, 'atlas:sources/apply-import', { token: preview.token, title: 'Large', attribution: 'Test' });
      return { preview: { ...preview, token: '' }, change, atlas: JSON.stringify(await call(services, 'atlas:atlas/get', undefined)) };
    };
    const broken = await open(join(folder, 'broken'), join(folder, 'no-such-linkWorker.js'));
    const working = await open(join(folder, 'working'), linkWorker);
    try {
      const withoutWorker = await importInto(broken);
      expect(logged).toEqual(['The link worker failed; linking on main instead.']);
      const withWorker = await importInto(working);
      expect(logged).toHaveLength(1);
      // Past the size main shares with the worker (the first short paragraph is read as the title).
      expect(withoutWorker.preview.passages).toBeGreaterThan(2000);
      expect(withoutWorker.preview.countries.length).toBeGreaterThan(20);
      expect(withWorker.preview).toEqual(withoutWorker.preview);
      expect(withWorker.change.tierChanges).toEqual(withoutWorker.change.tierChanges);
      expect(withWorker.atlas === withoutWorker.atlas, 'the atlas after the import is the same either way').toBe(true);
    } finally {
      await Promise.all([broken.close(), working.close()]);
      await Promise.all([broken.store.idle(), working.store.idle()]);
      await rm(folder, { recursive: true, force: true });
    }
  });
  test('a run past the time limit fails with link-timeout even when another run is asked for before its thread has stopped', async () => {
    const base = await loadAtlasBase(dataFolder);
    // Linking this takes seconds, far past the limit.
    const passages = ingestSource({ sourceId: 'imported-large', title: '', text: await largeDocument(3000) });
    const document = documentContext(passages, base.context.gazetteer);
    const limitMs = 100;
    const worker = createLinkWorker(linkWorker, dataFolder, 60_000, { heapMb: 512, timeMs: limitMs });
    try {
      const first = worker.link(passages, document).catch((error: unknown) => error);
      // A timer as long as the limit, set after the first run's, fires after it (or before the run
      // has even begun): either way the next run is asked for before a timed-out thread has stopped,
      // and its own limit is still far off when it does.
      await new Promise((resolve) => setTimeout(resolve, limitMs));
      const second = worker.link(passages, document).catch((error: unknown) => error);
      const failure = await first;
      expect(isCodedError(failure, 'link-timeout'), String(failure)).toBe(true);
      await second;
    } finally {
      await worker.close();
    }
  });

  test('the time limit counts from when the worker begins a run, not from when the run was queued behind others', async () => {
    const base = await loadAtlasBase(dataFolder);
    const passages = ingestSource({ sourceId: 'imported-small', title: '', text: await largeDocument(300) });
    const document = documentContext(passages, base.context.gazetteer);
    const unlimited = createLinkWorker(linkWorker, dataFolder);
    let runMs: number;
    try {
      await unlimited.link(passages, document);
      const at = performance.now();
      await unlimited.link(passages, document);
      runMs = performance.now() - at;
    } finally {
      await unlimited.close();
    }
    // Each run gets five times what one took here; twenty queued at once take four times that in all.
    const runs = 20;
    const worker = createLinkWorker(linkWorker, dataFolder, 60_000, { heapMb: 512, timeMs: Math.max(200, 5 * runMs) });
    try {
      const answers = await Promise.allSettled(Array.from({ length: runs }, () => worker.link(passages, document)));
      expect(answers.filter((answer) => answer.status === 'rejected').map((answer) => String(answer.reason))).toEqual([]);
    } finally {
      await worker.close();
    }
  });

  test('a stored source that reaches a link limit at start-up is linked on main: the app starts with it, and only new imports are limited', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-link-start-'));
    const path = join(folder, 'stored.txt');
    await writeFile(path, await largeDocument(300));
    const logged: string[] = [];
    const open = (linkLimits?: LinkLimits): Promise<Services> => openServices(join(folder, 'store'), path, logged, { linkWorker, ...(linkLimits ? { linkLimits } : {}) });
    try {
      const first = await open();
      const preview = await call<SourcePreview>(first, 'atlas:sources/preview-import', { from: 'dialog', jobId: randomUUID() });
      const { source } = await call<SourceChange>(first, 'atlas:sources/apply-import', { token: preview.token, title: 'Stored', attribution: '' });
      await first.close();
      expect(logged).toEqual([]);

      // Every run the workers are given now is past its limit; and what linking made of the source
      // is not kept (as after an update of the app), so the start links it again.
      await rm(join(folder, 'store', LINKED_FOLDER), { recursive: true, force: true });
      const limited = await open({ heapMb: 512, timeMs: 1 });
      try {
        expect(logged).toEqual(['A stored source reached a link limit; linking it on main instead.']);
        const listed = await call<{ id: string; passages: number; enabled: boolean }[]>(limited, 'atlas:sources/list', undefined);
        expect(listed.find((entry) => entry.id === source.id)).toMatchObject({ passages: preview.passages, enabled: true });
        // Its passages are in the atlas: a country it names counts them under it.
        const detail = await call<{ passagesBySource: { sourceId: string; count: number }[] }>(limited, 'atlas:atlas/country', { countryId: 'USA' });
        expect(detail.passagesBySource.find((entry) => entry.sourceId === source.id)?.count).toBeGreaterThan(0);
        // A new document is still held to the limits.
        await writeFile(path, await largeDocument(301));
        const failure = await call(limited, 'atlas:sources/preview-import', { from: 'dialog', jobId: randomUUID() }).catch((error: unknown) => error);
        expect((failure as { reason?: string }).reason).toBe('link-timeout');
      } finally {
        await limited.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
  test('closing the services while a document is being linked stops the import: it is not linked again on main, and no preview comes', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-link-close-'));
    const path = join(folder, 'large.txt');
    await writeFile(path, await largeDocument(3000));
    const logged: string[] = [];
    let closing: Promise<void> | null = null;
    // Closed as soon as the workers are linking (past the ingest main does first).
    const services: Services = await openServices(join(folder, 'store'), path, logged, {
      linkWorker,
      importWorker,
      onImportProgress: (report) => {
        if (report.phase === 'linking' && report.done > 0.3) closing ??= services.close();
      },
    });
    try {
      const outcome = await services.invoke('atlas:sources/preview-import', { from: 'dialog', jobId: randomUUID() }, true);
      expect(closing, 'closed while linking').not.toBeNull();
      await closing;
      expect(logged).toEqual([]);
      expect(outcome).toEqual({ ok: true, value: null });
    } finally {
      await (closing ?? services.close());
      await rm(folder, { recursive: true, force: true });
    }
  });
});
