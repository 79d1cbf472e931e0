import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from './atlasFiles';

const dataFolder = fileURLToPath(new URL('../../../data', import.meta.url));

describe('loadAtlas()', () => {
  it('builds the atlas from the bundled source and data files', async () => {
    const { model, searchNames } = await loadAtlas(dataFolder);
    expect(model.sources).toEqual([
      expect.objectContaining({ id: 'wikipedia-foreign-relations-of-south-korea', author: 'Wikipedia contributors', licence: 'CC BY-SA 4.0' }),
    ]);
    expect(model.countries['USA']?.tier).toBe('alliance');
    expect(model.countries['VNM']?.tier).toBe('comprehensive-strategic');
    expect(model.countries['PRK']?.tier).toBe('adversarial');
    expect(model.countries['BOL']?.tier).toBe('not-covered');
    expect(searchNames['RUS']).toContain('Gorbachev');
  });
});
