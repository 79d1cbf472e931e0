import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { perceivedDifference } from '../../../../tests/support/colour';
import { parseTierScheme } from '../../../shared/atlas/tiers';
import { MAP_PALETTES } from './palette';
import { buildStyle, layerIds, onlyIds, shapeLayers, SOURCES, themePaint } from './style';

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

describe('themePaint()', () => {
  const shapes = [SOURCES.coarse, SOURCES.fine];
  const layersFor = (theme: 'light' | 'dark') => [...buildStyle('geo/shapes-50m.json', 'en', theme).layers, ...shapeLayers(SOURCES.fine, { min: 4 }, [], theme)];

  it.each(['light', 'dark'] as const)('turns any map into the %s style, property for property', (theme) => {
    const layers = layersFor(theme);
    const changes = themePaint(theme, shapes);
    expect(changes.length).toBeGreaterThan(10);
    for (const change of changes) {
      const layer = layers.find((candidate) => candidate.id === change.layer);
      expect(layer, change.layer).toBeDefined();
      expect((layer?.paint as Record<string, unknown> | undefined)?.[change.property], `${change.layer} ${change.property}`).toEqual(change.value);
    }
  });

  it('changes every colour of the map between the themes', () => {
    const light = themePaint('light', shapes);
    const dark = themePaint('dark', shapes);
    const same = light.filter((change, index) => JSON.stringify(change.value) === JSON.stringify(dark[index]?.value));
    expect(same).toEqual([]);
  });
});

describe('map colours', () => {
  const tiers = parseTierScheme(JSON.parse(readFileSync(new URL('../../../../data/atlas/tiers.json', import.meta.url), 'utf8')) as unknown).tiers;
  const visions = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'] as const;

  // Land and sea must never pass for each other: 6 CIEDE2000 is well past a just-noticeable
  // difference (about 2.3), for every vision the tier palette is checked for.
  it.each(['light', 'dark'] as const)('sets every tier apart from the sea in the %s theme, for every vision', (theme) => {
    const sea = MAP_PALETTES[theme].ocean;
    const tooClose = tiers.flatMap((tier) =>
      visions.map((vision) => ({ tier: tier.id, vision, difference: perceivedDifference(tier.colour[theme], sea, vision) })).filter((entry) => entry.difference < 6),
    );
    expect(tooClose).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('keeps labels readable on the sea and on the neutral land in the %s theme', (theme) => {
    const colours = MAP_PALETTES[theme];
    for (const ground of [colours.ocean, colours.neutral]) expect(perceivedDifference(colours.label, ground, 'normal')).toBeGreaterThan(40);
  });
});
