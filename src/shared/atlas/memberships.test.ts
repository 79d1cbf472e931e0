import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { membershipsOf, parseOrganisations, sharedMemberships } from './memberships';

const require = createRequire(import.meta.url);
const worldCountries = require('world-countries') as { cca3: string; unMember: boolean }[];
const file = JSON.parse(readFileSync(new URL('../../../data/atlas/organisations.json', import.meta.url), 'utf8')) as unknown;
const organisations = parseOrganisations(file);
const byId = (id: string) => organisations.find((organisation) => organisation.id === id);
const ids = (list: readonly { id: string }[]): string[] => list.map((organisation) => organisation.id);

describe('organisations.json', () => {
  it('names every body the source names, dated', () => {
    expect(ids(organisations)).toEqual(['un', 'wto', 'oecd', 'oecd-dac', 'asean-plus-three', 'east-asia-summit', 'g20', 'g7', 'eu']);
    for (const organisation of organisations) expect(organisation.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has the member counts of its date', () => {
    const counts = Object.fromEntries(organisations.map((organisation) => [organisation.id, organisation.members.length]));
    expect(counts).toEqual({ un: 193, wto: 165, oecd: 38, 'oecd-dac': 31, 'asean-plus-three': 13, 'east-asia-summit': 18, g20: 19, g7: 7, eu: 27 });
  });

  it('agrees with world-countries on UN membership, except the Holy See, which is an observer', () => {
    const fromPackage = worldCountries.filter((country) => country.unMember).map((country) => country.cca3);
    const listed = new Set(byId('un')?.members);
    expect(fromPackage.filter((id) => !listed.has(id))).toEqual(['VAT']);
    expect([...listed].filter((id) => !fromPackage.includes(id))).toEqual([]);
  });

  it('uses only codes world-countries knows', () => {
    const known = new Set(worldCountries.map((country) => country.cca3));
    for (const organisation of organisations) expect(organisation.members.filter((member) => !known.has(member))).toEqual([]);
  });

  it('refuses a file with a duplicate member or a bad date, naming the file', () => {
    const broken = { description: '', organisations: [{ ...byId('g7'), members: ['USA', 'USA'] }] };
    expect(() => parseOrganisations(broken)).toThrow(/organisations\.json: .*g7 lists a member twice/s);
    expect(() => parseOrganisations({ description: '', organisations: [{ ...byId('g7'), asOf: 'soon' }] })).toThrow(/organisations\.json/);
  });
});

describe('sharedMemberships()', () => {
  it('lists the bodies a country shares with South Korea', () => {
    expect(ids(sharedMemberships('JPN', organisations))).toEqual(['un', 'wto', 'oecd', 'oecd-dac', 'asean-plus-three', 'east-asia-summit', 'g20']);
    expect(ids(sharedMemberships('USA', organisations))).toEqual(['un', 'wto', 'oecd', 'oecd-dac', 'east-asia-summit', 'g20']);
    expect(ids(sharedMemberships('PRK', organisations))).toEqual(['un']);
    expect(ids(sharedMemberships('TWN', organisations))).toEqual(['wto']);
  });

  it('never lists a body South Korea is not in, such as the G7 or the EU', () => {
    expect(ids(membershipsOf('DEU', organisations))).toEqual(expect.arrayContaining(['g7', 'eu']));
    expect(ids(sharedMemberships('DEU', organisations))).not.toContain('g7');
    expect(ids(sharedMemberships('DEU', organisations))).not.toContain('eu');
  });

  it('lists nothing for an area in no body', () => {
    expect(sharedMemberships('ATA', organisations)).toEqual([]);
  });
});
