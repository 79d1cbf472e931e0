import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from './gazetteer';

const require = createRequire(import.meta.url);
const worldCountries = require('world-countries') as unknown[];
const aliasesFile = JSON.parse(readFileSync(new URL('../../../data/atlas/aliases.json', import.meta.url), 'utf8')) as {
  ignore: unknown[];
  aliases: { names: string[]; countries: string[] }[];
};
const gazetteer = buildGazetteer(worldCountries, aliasesFile);
const entriesFor = (name: string) => gazetteer.names.filter((entry) => entry.name === name);

describe('buildGazetteer()', () => {
  it('knows every world-countries record by id, with English and Korean names', () => {
    expect(gazetteer.countries.size).toBe(worldCountries.length);
    expect(gazetteer.countries.get('KOR')).toEqual({ en: 'South Korea', ko: '한국' });
  });

  it('takes common and official names, long alternative spellings, capitals and English demonyms', () => {
    expect(entriesFor('Philippines')[0]?.countries).toEqual(['PHL']);
    expect(entriesFor("Lao People's Democratic Republic")[0]?.countries).toEqual(['LAO']);
    expect(entriesFor('DPRK')[0]?.countries).toEqual(['PRK']);
    expect(entriesFor('Pyongyang')[0]).toMatchObject({ countries: ['PRK'], kind: 'capital', place: true });
    expect(entriesFor('Filipino')[0]).toMatchObject({ countries: ['PHL'], kind: 'demonym', place: false });
    expect(entriesFor('South Koreans')[0]?.countries).toEqual(['KOR']);
  });

  it('leaves out two-letter codes and the names the aliases file ignores', () => {
    expect(entriesFor('KR')).toEqual([]);
    expect(entriesFor('Victoria')).toEqual([]);
    expect(entriesFor('Island')).toEqual([]);
  });

  it('gives a name several records share to the only independent one, and drops it when there is none', () => {
    expect(entriesFor('American')[0]?.countries).toEqual(['USA']);
    expect(entriesFor('French')[0]?.countries).toEqual(['FRA']);
    expect(entriesFor('Congolese')).toEqual([]);
  });

  it('lets an alias replace a world-countries name of the same spelling', () => {
    expect(entriesFor('Seoul')).toHaveLength(1);
    expect(entriesFor('Seoul')[0]).toMatchObject({ origin: 'aliases', caseSensitive: false });
  });

  it('refuses an alias for an unknown country', () => {
    const broken = { ...aliasesFile, aliases: [{ names: ['Atlantis'], countries: ['ATL'], kind: 'place', note: 'Sunk.' }] };
    expect(() => buildGazetteer(worldCountries, broken)).toThrow(/aliases\.json: "Atlantis" names unknown countries ATL/);
  });

  it('refuses a malformed aliases file, naming the file and the field', () => {
    const broken = { ...aliasesFile, aliases: [{ names: ['Nowhere'], countries: ['kor'], kind: 'place' }] };
    expect(() => buildGazetteer(worldCountries, broken)).toThrow(/^aliases\.json:/);
    expect(() => buildGazetteer(worldCountries, broken)).toThrow(/at aliases\[0\]\.note/);
    expect(() => buildGazetteer(worldCountries, broken)).toThrow(/at aliases\[0\]\.countries\[0\]/);
    expect(() => buildGazetteer([{ cca3: 'KOR' }], aliasesFile)).toThrow(/world-countries:/);
  });
});
