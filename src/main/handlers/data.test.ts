import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result, SourceChange, SourcePreview, TierOverride } from '../../shared/contract';
import { BOM, parseCsv } from '../../shared/exports/csv';
import { ATLAS_DATA_COLUMNS, parseAtlasDataCsv, type AtlasDataGeoJson, type AtlasDataRow } from '../../shared/exports/atlasData';
import { composeServices, type Services } from '../compose';
import type { SystemClipboard } from '../ports';

// Real store, real data files, real atlas; only the OS dialogs and the clipboard (Electron's) are
// stood in for, as there is no Electron here.
const dataFolder = fileURLToPath(new URL('../../../data', import.meta.url));
let folder: string;
let services: Services;
let answers: (string | null)[];
let copied: string[];

async function start(clipboard?: SystemClipboard) {
  services = await composeServices({
    storeFolder: join(folder, 'store'),
    dataFolder,
    rendererFolder: fileURLToPath(new URL('../../../out/renderer', import.meta.url)),
    appInfo: () => ({ name: 'Atlas', version: '0.0.0', electronVersion: null, chromeVersion: null, platform: 'linux', dataSources: [] }),
    defaultLanguage: 'en',
    onPrefsChanged: () => {},
    dialogs: { saveFile: async () => answers.shift() ?? null, chooseFolder: async () => null, openFile: async () => null },
    ...(clipboard ? { clipboard } : {}),
    now: () => new Date('2026-05-06T07:08:09Z'),
  });
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-data-'));
  answers = [];
  copied = [];
  await start({ writeText: (text) => void copied.push(text) });
});

afterEach(async () => {
  await services.close();
  await rm(folder, { recursive: true, force: true });
});

async function invoke(channel: string, input?: unknown): Promise<Result<unknown>> {
  return services.invoke(channel, input, true);
}

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const PACIFIC = [
  'Pacific partners, a report',
  '',
  'South Korea and Tuvalu established a comprehensive strategic partnership in 2024, covering fisheries, "climate finance" and ports.[3] 투발루와 한국은 협력한다.',
].join('\n');

/** Imports a small document as a user would, with a title and attribution full of awkward characters. */
async function importPacific(): Promise<SourceChange> {
  const found = await call<SourcePreview>('atlas:sources/preview-import', {
    from: 'bytes',
    jobId: randomUUID(),
    fileName: 'pacific, "report".txt',
    data: new TextEncoder().encode(PACIFIC),
  });
  return call<SourceChange>('atlas:sources/apply-import', { token: found.token, title: 'Pacific "partners", 태평양', attribution: '=Ministry, 2024' });
}

describe('File › Export Atlas Data', () => {
  it('writes a CSV that reads back to every country of the model, with Korean, commas, quotes, newlines and formulas intact', async () => {
    await importPacific();
    const reason = 'Line one, "quoted"\n둘째 줄';
    await call('atlas:overrides/set', { countryId: 'JPN', tier: 'partner', reason });
    await call('atlas:overrides/set', { countryId: 'TUV', tier: 'engaged', reason: '=HYPERLINK("http://x")' });
    const path = join(folder, 'atlas data.csv');
    answers.push(path);
    const written = await call<{ fileName: string; countries: number }>('atlas:data/export', { format: 'csv' });
    const { model } = services.atlas();
    expect(written).toEqual({ fileName: 'atlas data.csv', countries: Object.keys(model.countries).length });

    const text = await readFile(path, 'utf8');
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Formula-like cells are guarded in the file itself.
    const raw = parseCsv(text);
    const tuvaluRaw = raw.find((cells) => cells[0] === 'TUV')!;
    expect(tuvaluRaw[ATLAS_DATA_COLUMNS.indexOf('your_tier_reason')]).toBe(`'=HYPERLINK("http://x")`);
    expect(tuvaluRaw[ATLAS_DATA_COLUMNS.indexOf('source_author')]).toBe(`'=Ministry, 2024`);

    const rows = parseAtlasDataCsv(text);
    expect(rows.map((row) => row.id)).toEqual(Object.keys(model.countries).sort());
    const overrides = await call<TierOverride[]>('atlas:overrides/list');
    for (const row of rows) {
      const country = model.countries[row.id]!;
      expect(row.name_en).toBe(country.name.en);
      expect(row.name_ko).toBe(country.name.ko);
      expect(row.tier).toBe(country.tier);
      expect(row.tier_name).toBe(model.tiers.find((tier) => tier.id === country.tier)!.label.en);
      expect(row.passages).toBe(country.passageIds.length);
      expect(row.tensions.split('; ').filter(Boolean)).toEqual([...new Set(country.tensions.map((tension) => tension.kind))]);
      expect(row.your_tier).toBe(overrides.find((override) => override.countryId === row.id)?.tier ?? '');
      const deciding = model.passages.find((passage) => passage.id === country.evidence[0]?.passageId);
      expect(row.deciding_passage_id).toBe(deciding?.id ?? '');
      // Taking the markers out again gives the passage's text.
      expect(row.deciding_passage.replace(/\[[^\]]+\]/g, '')).toBe(deciding?.text.replace(/\[[^\]]+\]/g, '') ?? '');
      expect(row.deciding_passage.match(/\[[^\]]+\]/g)?.length ?? 0).toBeGreaterThanOrEqual(deciding?.citations.length ?? 0);
    }

    const japan = rows.find((row) => row.id === 'JPN')!;
    expect(japan).toMatchObject({ name_ko: '일본', your_tier: 'partner', your_tier_reason: reason });
    const tuvalu = rows.find((row) => row.id === 'TUV')!;
    expect(tuvalu).toMatchObject({
      tier: 'comprehensive-strategic',
      your_tier_reason: '=HYPERLINK("http://x")',
      source_title: 'Pacific "partners", 태평양',
      source_author: '=Ministry, 2024',
      source_licence: '',
    });
    expect(tuvalu.deciding_passage).toContain('covering fisheries, "climate finance" and ports.[3] 투발루와 한국은 협력한다.');
    // A country decided by the bundled article carries its attribution, and its markers.
    const decidedByArticle = rows.find((row) => row.source_title === 'Foreign relations of South Korea' && /\[\d+\]/.test(row.deciding_passage));
    expect(decidedByArticle).toMatchObject({ source_author: 'Wikipedia contributors', source_licence: 'CC BY-SA 4.0' });
    expect(rows.find((row) => row.id === 'KOR')).toMatchObject({ tier: 'home', deciding_passage: '' });
  });

  it('writes a GeoJSON FeatureCollection with the same properties, capital points and the attribution of every data set', async () => {
    await importPacific();
    await call('atlas:overrides/set', { countryId: 'JPN', tier: 'partner', reason: 'a, "b"\nc' });
    const csvPath = join(folder, 'atlas.csv');
    const geoPath = join(folder, 'atlas.geojson');
    answers.push(csvPath, geoPath);
    await call('atlas:data/export', { format: 'csv' });
    await call('atlas:data/export', { format: 'geojson' });
    const geo = JSON.parse(await readFile(geoPath, 'utf8')) as AtlasDataGeoJson;
    expect(geo.type).toBe('FeatureCollection');
    const fromCsv = parseAtlasDataCsv(await readFile(csvPath, 'utf8'));
    expect(geo.features.map((feature) => feature.properties)).toEqual(fromCsv satisfies AtlasDataRow[]);
    for (const feature of geo.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.id).toBe(feature.properties.id);
      if (feature.geometry) {
        expect(feature.geometry.type).toBe('Point');
        const [lon, lat] = feature.geometry.coordinates;
        expect(Math.abs(lon)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      }
    }
    const tokyo = geo.features.find((feature) => feature.id === 'JPN')!.geometry!.coordinates;
    expect(tokyo[0]).toBeCloseTo(139.69, 1);
    expect(tokyo[1]).toBeCloseTo(35.69, 1);
    expect(geo.features.filter((feature) => feature.geometry !== null).length).toBeGreaterThan(150);
    expect(geo.metadata.generated).toBe('2026-05-06T07:08:09.000Z');
    const credited = geo.metadata.attribution.map((item) => `${item.title} | ${item.licence}`);
    expect(credited).toContain('Foreign relations of South Korea | CC BY-SA 4.0');
    expect(credited).toContain('Pacific "partners", 태평양 | ');
    expect(credited.some((line) => line.startsWith('GeoNames') && line.includes('CC BY 4.0'))).toBe(true);
    expect(credited.some((line) => line.startsWith('world-countries') && line.includes('ODbL'))).toBe(true);
  });

  it('writes nothing when the dialog is cancelled, and keeps the old file when the folder is gone', async () => {
    answers.push(null);
    expect(await call('atlas:data/export', { format: 'csv' })).toBeNull();
    expect(await readdir(folder)).toEqual(['store']);
    answers.push(join(folder, 'missing', 'atlas.csv'));
    const failed = await invoke('atlas:data/export', { format: 'geojson' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'failed', reason: 'folder-missing' } });
    expect(await invoke('atlas:data/export', { format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('Copy citation', () => {
  it('copies a bundled passage as text and as BibTeX, and answers with what it copied', async () => {
    const { model } = services.atlas();
    const passage = model.passages.find((each) => each.citations.length > 0 && each.text.length < 300)!;
    const text = await call<string>('atlas:data/copy-citation', { passageId: passage.id, format: 'text' });
    expect(copied).toEqual([text]);
    expect(text).toMatch(/^".+\[\w+\].*"\n— "Foreign relations of South Korea", Wikipedia contributors, CC BY-SA 4\.0, cited 2026-05-06 in Korea Relations Atlas\.$/s);
    expect(text.replace(/\[[^\]]+\]/g, '')).toContain(passage.text);
    const bibtex = await call<string>('atlas:data/copy-citation', { passageId: passage.id, format: 'bibtex' });
    expect(copied).toEqual([text, bibtex]);
    expect(bibtex).toMatch(/^@misc\{atlas:wikipedia-foreign-relations-of-south-korea,\n {2}title = \{Foreign relations of South Korea\},\n {2}author = \{\{Wikipedia contributors\}\},/);
  });

  it('cites an imported passage by the title and attribution the user gave it, in the interface language', async () => {
    const change = await importPacific();
    const { model } = services.atlas();
    const passage = model.passages.find((each) => each.sourceId === change.source.id && each.text.includes('Tuvalu'))!;
    await call('atlas:prefs/set-language', { language: 'ko' });
    const text = await call<string>('atlas:data/copy-citation', { passageId: passage.id, format: 'text' });
    expect(text).toContain('— "Pacific "partners", 태평양", =Ministry, 2024, 2026-05-06에 pacific, "report".txt에서 가져옴, 2026-05-06에 한국 대외관계 지도에서 인용.');
    const bibtex = await call<string>('atlas:data/copy-citation', { passageId: passage.id, format: 'bibtex' });
    expect(bibtex).toContain(`@misc{atlas:${change.source.id},`);
    expect(bibtex).toContain('note = {Imported 2026-05-06 from pacific, "report".txt. Cited 2026-05-06}');
  });

  it('refuses an unknown or malformed passage id, and says when there is no clipboard', async () => {
    expect(await invoke('atlas:data/copy-citation', { passageId: 'nope', format: 'text' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await invoke('atlas:data/copy-citation', { passageId: '<script>', format: 'text' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(copied).toEqual([]);
    await services.close();
    await start();
    const { model } = services.atlas();
    expect(await invoke('atlas:data/copy-citation', { passageId: model.passages[0]!.id, format: 'text' })).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('no clipboard') },
    });
  });
});
