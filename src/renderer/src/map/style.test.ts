import { describe, expect, it } from 'vitest';
import { buildStyle, layerIds, onlyIds, shapeLayers, SOURCES } from './style';

describe('buildStyle()', () => {
  it('starts with no label points and nothing in the layers drawn for a few countries', () => {
    const style = buildStyle('geo/shapes-50m.json');
    expect(style.sources[SOURCES.places]).toMatchObject({ data: { type: 'FeatureCollection', features: [] } });
    const layer = (id: string) => style.layers.find((candidate) => candidate.id === id);
    expect(layer('note-dots')).toMatchObject({ filter: onlyIds([]) });
    expect(layer(layerIds(SOURCES.coarse).override)).toMatchObject({ filter: onlyIds([]) });
  });
});

describe('shapeLayers()', () => {
  it('draws the dashed outline for the given countries only', () => {
    const override = shapeLayers(SOURCES.fine, { min: 3 }, new Set(['USA', 'JPN'])).find((layer) => layer.id === layerIds(SOURCES.fine).override);
    expect(override).toMatchObject({ minzoom: 3, filter: ['in', ['get', 'id'], ['literal', ['JPN', 'USA']]] });
  });
});
