import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeServices, type Services } from '../../../src/main/compose';
import { LINKED_FOLDER, linkedPath } from '../../../src/main/import/linkedCache';
import { STORE_FILE } from '../../../src/main/store/openStore';
import type { AtlasSummary, CountryDetail, ImportProgress, PassagePage, PassageView, NoteView, Result, SourceChange, SourcePreview, SourceView } from '../../../src/shared/contract';
import { translate } from '../../../src/shared/i18n';
import { PASSAGE_MAX_LENGTH } from '../../../src/shared/atlas/ingest';
import { SOURCE_MAX_BYTES } from '../../../src/shared/sources';
import { STORE_VERSION } from '../../../src/shared/store/schema';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/sources/${name}`, import.meta.url));
const dataFolder = fileURLToPath(new URL('../../../data', import.meta.url));
const rendererFolder = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

let folder: string;
let files: string;
let services: Services;
let answers: (string | null)[];
let progress: ImportProgress[];
let atlasChanges: number;

async function start(): Promise<Services> {
  return composeServices({
    storeFolder: folder,
    dataFolder,
    rendererFolder,
    appInfo: () => ({ name: 'Atlas', version: '0.0.0', electronVersion: null, chromeVersion: null, platform: 'linux', dataSources: [] }),
    defaultLanguage: 'en',
    onPrefsChanged: () => {},
    dialogs: { saveFile: async () => null, chooseFolder: async () => null, openFile: async () => answers.shift() ?? null },
    onImportProgress: (report) => progress.push(report),
    onAtlasChanged: () => atlasChanges++,
  });
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-import-store-'));
  files = await mkdtemp(join(tmpdir(), 'atlas-import-files-'));
  answers = [];
  progress = [];
  atlasChanges = 0;
  services = await start();
});
afterEach(async () => {
  // The passage search writes its indexes in the store folder after an import: done before it is removed.
  await Promise.all([services.passageIndex.close(), services.linkedCache.close()]);
  await services.store.idle();
  await rm(folder, { recursive: true, force: true });
  await rm(files, { recursive: true, force: true });
});

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await services.invoke(channel, input, true);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.reason ?? ''} ${result.error.message}`);
  return result.value as T;
}

async function preview(path: string): Promise<SourcePreview> {
  answers.push(path);
  const found = await call<SourcePreview | null>('atlas:sources/preview-import', { from: 'dialog', jobId: randomUUID() });
  if (!found) throw new Error('the dialog was cancelled');
  return found;
}

async function importFile(path: string): Promise<SourceChange> {
  const found = await preview(path);
  return call<SourceChange>('atlas:sources/apply-import', { token: found.token, title: found.title, attribution: found.attribution });
}

const atlas = () => call<AtlasSummary>('atlas:atlas/get');
const tierOf = async (id: string) => (await atlas()).countries[id]?.tier;

/** Every passage of a source that links a country, paged in as the window does. */
async function passagesOf(countryId: string, sourceId: string): Promise<PassageView[]> {
  const passages: PassageView[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await call<PassagePage>('atlas:atlas/passages', { countryId, sourceId, offset, limit: 200 });
    passages.push(...page.passages);
    if (passages.length >= page.total) return passages;
  }
}

describe('importing a saved encyclopedia page', () => {
  it('previews its passages, links and tier changes without storing anything, and leaves the navigation unlinked', async () => {
    const before = await readFile(join(folder, STORE_FILE), 'utf8').catch(() => null);
    const found = await preview(fixture('encyclopedia-article.html'));
    expect(found).toMatchObject({
      fileName: 'encyclopedia-article.html',
      format: 'html',
      title: 'Chile–South Korea relations',
      attribution: 'Wikipedia contributors, CC BY-SA 4.0',
      passages: 8,
      unlinked: 2,
      unlinkedSample: ['History', 'Strategic partnership'],
      tierChanges: [{ countryId: 'CHL', from: 'not-covered', to: 'strategic' }],
      duplicateOf: null,
      removed: { scripts: 3, handlers: 3 },
    });
    expect(found.countries).toEqual([
      { id: 'CHL', count: 6 },
      { id: 'KOR', count: 6 },
    ]);
    // The navigation, sidebar, references and footer all name Mongolia; nothing of them is linked.
    expect(found.countries.map((country) => country.id)).not.toContain('MNG');
    expect(await readFile(join(folder, STORE_FILE), 'utf8').catch(() => null)).toBe(before);
    expect(await tierOf('CHL')).toBe('not-covered');
  });

  it('adds it to the atlas on confirm: Chile is coloured, its passages name the new source, and the renderer is told', async () => {
    const found = await preview(fixture('encyclopedia-article.html'));
    const change = await call<SourceChange>('atlas:sources/apply-import', { token: found.token, title: '  Chile and Korea (Wikipedia)  ', attribution: found.attribution });
    expect(change.source).toMatchObject({ title: 'Chile and Korea (Wikipedia)', origin: 'imported', enabled: true, passages: 8, countries: 2, fileName: 'encyclopedia-article.html' });
    expect(change.tierChanges).toEqual([{ countryId: 'CHL', from: 'not-covered', to: 'strategic' }]);
    expect(atlasChanges).toBe(1);

    const model = await atlas();
    const chile = { ...model.countries['CHL']!, ...(await call<CountryDetail>('atlas:atlas/country', { countryId: 'CHL' })) };
    // The panel's attribution of the source comes with Chile's detail.
    const source = chile.sources.find((entry) => entry.id === change.source.id);
    expect(source).toMatchObject({ title: 'Chile and Korea (Wikipedia)', author: 'Wikipedia contributors, CC BY-SA 4.0', imported: true, passages: 8 });
    expect(chile.tier).toBe('strategic');
    const { passages: deciding, total } = await call<PassagePage>('atlas:atlas/passages', { countryId: 'CHL', deciding: true, offset: 0, limit: 5 });
    expect(total).toBe(1);
    expect(deciding[0]).toMatchObject({ id: chile.evidence[0]?.passageId, sourceId: change.source.id, citations: [{ label: '4', offset: expect.any(Number) }] });
    const marked = deciding[0]!.marks.filter((mark) => mark.kind === 'evidence').map((mark) => deciding[0]!.text.slice(mark.start, mark.end));
    expect(marked).toEqual(['strategic partnership']);
    expect(chile.evidence.map((line) => line.sentence.slice(line.start, line.end))).toEqual(['strategic partnership']);
    // The bundled source's tiers stand: the import only added.
    expect(model.countries['USA']?.tier).toBe('alliance');
    expect(model.countries['GBR']).toMatchObject({ tier: 'engaged', decidedBy: 'rules' });

    const listed = await call<SourceView[]>('atlas:sources/list');
    expect(listed.map(({ origin, title, enabled, textMissing }) => ({ origin, title, enabled, textMissing }))).toEqual([
      { origin: 'bundled', title: 'Foreign relations of South Korea', enabled: true, textMissing: false },
      { origin: 'imported', title: 'Chile and Korea (Wikipedia)', enabled: true, textMissing: false },
    ]);
  });

  it('keeps the source after a restart, rebuilding the atlas from the store and its text file alone', async () => {
    const { source } = await importFile(fixture('encyclopedia-article.html'));
    await services.store.idle();
    const passages = (await passagesOf('CHL', source.id));
    await services.linkedCache.close();
    services = await start();
    expect(await tierOf('CHL')).toBe('strategic');
    expect((await call<SourceView[]>('atlas:sources/list')).map((entry) => entry.id)).toContain(source.id);
    expect((await passagesOf('CHL', source.id))).toEqual(passages);
    // What linking made of it was read back, not made again.
    expect(services.linkedCache.counts()).toEqual({ read: 1, written: 0, stale: 0 });

    // A kept copy that no longer fits (damaged here) is linked again, to the same passages, and replaced.
    await writeFile(linkedPath(folder, source.id), 'damaged');
    services = await start();
    expect((await passagesOf('CHL', source.id))).toEqual(passages);
    await services.linkedCache.close();
    expect(services.linkedCache.counts()).toEqual({ read: 0, written: 1, stale: 1 });
    services = await start();
    expect(services.linkedCache.counts().read).toBe(1);
  });

  it('starts from a version-3 store, moving its source text out to its file and linking it as before', async () => {
    await services.store.idle();
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    const v3 = await readFile(new URL('../../fixtures/store/v3-store.json', import.meta.url), 'utf8');
    await writeFile(join(folder, STORE_FILE), v3);
    services = await start();
    expect((await call<SourceView[]>('atlas:sources/list')).map((entry) => entry.id)).toContain('imported-d9da99f6641eb4d2');
    expect(await tierOf('CHL')).toBe('strategic');
    await services.store.idle();
    expect(JSON.parse(await readFile(join(folder, STORE_FILE), 'utf8'))).toMatchObject({ schemaVersion: STORE_VERSION, sources: [{ id: 'imported-d9da99f6641eb4d2', enabled: true }], views: [] });
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).not.toContain('Free Trade Agreement');
    expect(await readdir(join(folder, 'sources'))).toEqual(['d9da99f6641eb4d2b132b75b1431c7bcb6153c7fcecb746c53640614065d04d5.txt']);
  });

  it('starts without the passages of a source whose text file is gone (a store restored from an old snapshot), rather than failing', async () => {
    const { source } = await importFile(fixture('encyclopedia-article.html'));
    await services.store.idle();
    for (const name of await readdir(join(folder, 'sources'))) await rm(join(folder, 'sources', name));
    services = await start();
    expect((await passagesOf('CHL', source.id))).toEqual([]);
    expect(await tierOf('CHL')).toBe('not-covered');
    expect((await call<SourceView[]>('atlas:sources/list')).find((entry) => entry.id === source.id)).toMatchObject({ passages: 0, enabled: true, textMissing: true });
  });

  it('keeps the text out of the store file, so a later note save does not rewrite it, and deletes it with the source', async () => {
    const { source } = await importFile(fixture('encyclopedia-article.html'));
    await services.store.idle();
    const [textFile, ...others] = await readdir(join(folder, 'sources'));
    expect(others).toEqual([]);
    const text = await readFile(join(folder, 'sources', textFile!), 'utf8');
    expect(text).toContain('Chile');
    expect(textFile).toBe(`${createHash('sha256').update(text).digest('hex')}.txt`);
    const passage = (await passagesOf('CHL', source.id))[0]!;
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).not.toContain(passage.text);

    await services.linkedCache.close();
    expect(await readdir(join(folder, LINKED_FOLDER))).toEqual([`${source.id}.bin`]);

    await call('atlas:sources/remove', { id: source.id });
    expect(await readdir(join(folder, 'sources'))).toEqual([]);
    expect(await readdir(join(folder, LINKED_FOLDER))).toEqual([]);
  });

  it('turns off, back on and removes, the tiers following, while a note on its passage is kept and shown detached', async () => {
    const { source } = await importFile(fixture('encyclopedia-article.html'));
    const passage = (await passagesOf('CHL', source.id)).find((entry) => entry.text.startsWith('In 2021'))!;
    const note = await call<{ id: string }>('atlas:notes/create', {
      target: { kind: 'passage', countryId: 'CHL', passageId: passage.id, passageText: passage.text },
      body: 'Critical minerals: follow up.',
    });
    const placement = async () => (await call<NoteView[]>('atlas:notes/list')).find((view) => view.note.id === note.id)?.placement;
    expect(await placement()).toEqual({ kind: 'attached' });

    const off = await call<SourceChange>('atlas:sources/set-enabled', { id: source.id, enabled: false });
    expect(off.tierChanges).toEqual([{ countryId: 'CHL', from: 'strategic', to: 'not-covered' }]);
    expect(await tierOf('CHL')).toBe('not-covered');
    expect(await placement()).toEqual({ kind: 'detached', reason: 'passage-removed' });

    await call('atlas:sources/set-enabled', { id: source.id, enabled: true });
    expect(await tierOf('CHL')).toBe('strategic');
    expect(await placement()).toEqual({ kind: 'attached' });

    const removed = await call<SourceChange>('atlas:sources/remove', { id: source.id });
    expect(removed.source.id).toBe(source.id);
    expect(await tierOf('CHL')).toBe('not-covered');
    expect(await placement()).toEqual({ kind: 'detached', reason: 'passage-removed' });
    expect((await call<SourceView[]>('atlas:sources/list')).map((entry) => entry.origin)).toEqual(['bundled']);
    expect(atlasChanges).toBe(4);
  });

  it('says a second import of the same document is a duplicate, and refuses to store it twice', async () => {
    const { source } = await importFile(fixture('encyclopedia-article.html'));
    const again = await preview(fixture('encyclopedia-article.html'));
    expect(again.duplicateOf).toEqual({ id: source.id, title: source.title });
    expect(again.tierChanges).toEqual([]);
    const before = await readFile(join(folder, STORE_FILE), 'utf8');
    const applied = await services.invoke('atlas:sources/apply-import', { token: again.token, title: 'Copy', attribution: '' }, true);
    expect(applied).toMatchObject({ ok: false, error: { reason: 'duplicate-source' } });
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).toBe(before);
  });
});

describe('importing other kinds of document', () => {
  it('reads Markdown dropped on the window, sent as its bytes', async () => {
    const data = new Uint8Array(await readFile(fixture('field-notes.md')));
    const found = await call<SourcePreview>('atlas:sources/preview-import', { from: 'bytes', jobId: randomUUID(), fileName: 'field-notes.md', data });
    expect(found).toMatchObject({ format: 'markdown', title: 'Field notes: Korea and Central Asia', attribution: 'Min-ji Park, CC BY 4.0' });
    expect(found.tierChanges).toEqual([
      { countryId: 'KAZ', from: 'not-covered', to: 'partner' },
      { countryId: 'UZB', from: 'not-covered', to: 'comprehensive-strategic' },
    ]);
    await call('atlas:sources/apply-import', { token: found.token, title: found.title, attribution: found.attribution });
    expect(await tierOf('UZB')).toBe('comprehensive-strategic');
    expect(await tierOf('JPN')).toBe('partner');
  });

  it('reads a PDF with a text layer', async () => {
    const { tierChanges } = await importFile(fixture('peru-report.pdf'));
    expect(tierChanges).toEqual([{ countryId: 'PER', from: 'not-covered', to: 'partner' }]);
  });

  it('reports progress by phase for the job the renderer named', async () => {
    const jobId = randomUUID();
    answers.push(fixture('field-notes.md'));
    const found = await call<SourcePreview>('atlas:sources/preview-import', { from: 'dialog', jobId });
    await call('atlas:sources/apply-import', { token: found.token, title: found.title, attribution: '' });
    expect(progress.every((report) => report.jobId === jobId)).toBe(true);
    expect([...new Set(progress.map((report) => report.phase))]).toEqual(['reading', 'converting', 'comparing', 'saving']);
  });

  it('answers null when the user cancels the dialog, and refuses a preview that is no longer current', async () => {
    answers.push(null);
    expect(await call('atlas:sources/preview-import', { from: 'dialog', jobId: randomUUID() })).toBeNull();
    const stale = await services.invoke('atlas:sources/apply-import', { token: randomUUID(), title: 'x', attribution: '' }, true);
    expect(stale).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const found = await preview(fixture('field-notes.md'));
    expect(await call('atlas:sources/discard-import', { token: found.token })).toBe(true);
    expect(await services.invoke('atlas:sources/apply-import', { token: found.token, title: 'x', attribution: '' }, true)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

/** Each bad input: how to make the file, and the reason the import must be refused with. */
const BAD_INPUTS: readonly [name: string, make: (path: string) => Promise<void>, reason: string, says: RegExp][] = [
  ['an empty file', (path) => writeFile(path, ''), 'empty-file', /empty/],
  ['a file of blank lines', (path) => writeFile(path, '\n \n\t\n'), 'empty-file', /empty/],
  ['a PNG image named .txt', (path) => writeFile(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), 'binary-file', /not a text document/],
  ['binary data with NUL bytes', (path) => writeFile(path, Buffer.from('Chile\u0000\u0001\u0002 and Korea', 'latin1')), 'binary-file', /not a text document/],
  ['Latin-1 text', (path) => writeFile(path, Buffer.from('Relaciones entre Perú y Corea del Sur', 'latin1')), 'bad-encoding', /UTF-8/],
  [
    'UTF-8 with Latin-1 mixed in',
    (path) => writeFile(path, Buffer.concat([Buffer.from('Chile and South Korea — ', 'utf8'), Buffer.from('café', 'latin1')])),
    'bad-encoding',
    /mixes encodings/,
  ],
  ['UTF-16 without a byte-order mark', (path) => writeFile(path, Buffer.from('Chile and South Korea signed an agreement.', 'utf16le')), 'bad-encoding', /UTF-8/],
  [
    'a file over 20 MB',
    async (path) => {
      await writeFile(path, 'Chile and South Korea. ');
      await truncate(path, SOURCE_MAX_BYTES + 1);
    },
    'too-large',
    /20 MB/,
  ],
  [
    'HTML that is all scripts, handlers and navigation',
    (path) => writeFile(path, '<html><body onload="steal()"><nav>Chile</nav><script>document.write("Chile and Korea")</script><footer>Korea</footer></body></html>'),
    'no-text',
    /Nothing readable/,
  ],
  ['a PDF without a text layer', (path) => readFile(fixture('scan-only.pdf')).then((bytes) => writeFile(path, bytes)), 'pdf-no-text', /no text layer/],
  ['a damaged PDF', (path) => writeFile(path, '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF'), 'pdf-unreadable', /cannot be read/],
  ['a file that vanished after it was chosen', (path) => writeFile(path, 'Chile.').then(() => unlink(path)), 'file-vanished', /deleted/],
  ['a folder', (path) => mkdir(path), 'unreadable-file', /could not be opened/],
];

describe('bad input', () => {
  it.each(BAD_INPUTS)('refuses %s with a clear message and leaves the store and the atlas as they were', async (name, make, reason, says) => {
    await importFile(fixture('peru-report.pdf'));
    await services.store.idle();
    await services.passageIndex.ready();
    const storeBefore = await readFile(join(folder, STORE_FILE));
    const folderBefore = (await readdir(folder)).sort();
    const atlasBefore = JSON.stringify((await atlas()).counts);
    const changesBefore = atlasChanges;

    const path = join(files, `${name.replace(/\W+/g, '-')}.${reason.startsWith('pdf') ? 'pdf' : name.includes('HTML') ? 'html' : 'txt'}`);
    await make(path);
    answers.push(path);
    const result = (await services.invoke('atlas:sources/preview-import', { from: 'dialog', jobId: randomUUID() }, true)) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { reason } });
    for (const language of ['en', 'ko'] as const) {
      const message = translate(language, `sources.errors.${reason}`, { size: SOURCE_MAX_BYTES / 1024 / 1024 });
      expect(message).not.toMatch(/\{\{/);
      if (language === 'en') expect(message).toMatch(says);
    }

    await services.store.idle();
    expect(await readFile(join(folder, STORE_FILE))).toEqual(storeBefore);
    expect((await readdir(folder)).sort()).toEqual(folderBefore);
    expect(JSON.stringify((await atlas()).counts)).toBe(atlasBefore);
    expect(atlasChanges).toBe(changesBefore);
    expect((await call<SourceView[]>('atlas:sources/list')).map((source) => source.fileName)).toEqual([null, 'peru-report.pdf']);
    // The app keeps working: the next good import goes through.
    expect((await importFile(fixture('field-notes.md'))).source.enabled).toBe(true);
  });

  it('refuses a dropped document over 20 MB before reading anything of it', async () => {
    const result = await services.invoke(
      'atlas:sources/preview-import',
      { from: 'bytes', jobId: randomUUID(), fileName: 'huge.txt', data: new Uint8Array(SOURCE_MAX_BYTES + 1) },
      true,
    );
    expect(result).toMatchObject({ ok: false, error: { reason: 'too-large' } });
  });

  it('imports a document of one 600 kB line as passages cut at sentence ends, and the country it names opens on the one that decides it', async () => {
    // A text with no line break at all is one paragraph: it is cut into passages of at most
    // PASSAGE_MAX_LENGTH characters, and the sentence around a piece of evidence is found in the text
    // near it (segmenting a whole 600 kB paragraph took minutes, and held main meanwhile).
    const filler = 'Officials from both sides reviewed trade, visits and the coming year. ';
    const half = filler.repeat(Math.ceil(300_000 / filler.length));
    const path = join(files, 'one-line.txt');
    await writeFile(path, `${half}South Korea and Chile signed a strategic partnership in 2024. ${half}`);
    const change = await importFile(path);
    expect(change.source.passages).toBeGreaterThan(600_000 / PASSAGE_MAX_LENGTH);
    expect(await tierOf('CHL')).toBe('strategic');
    const chile = await call<CountryDetail>('atlas:atlas/country', { countryId: 'CHL' });
    expect(chile.evidence.map((line) => line.sentence)).toEqual(['South Korea and Chile signed a strategic partnership in 2024.']);
    const { passages: deciding } = await call<PassagePage>('atlas:atlas/passages', { countryId: 'CHL', deciding: true, offset: 0, limit: 5 });
    expect(deciding).toHaveLength(1);
    expect(deciding[0]!.text).toContain('South Korea and Chile signed a strategic partnership in 2024.');
    expect(deciding[0]!.text.length).toBeLessThanOrEqual(PASSAGE_MAX_LENGTH);
  });
});
