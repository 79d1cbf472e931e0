import { describe, expect, it } from 'vitest';
import { placeStates, shapeStates, stateChanges } from './featureStates';

const fills = new Map([
  ['JPN', '#aaa'],
  ['USA', '#bbb'],
  ['BRA', '#ccc'],
]);

describe('stateChanges()', () => {
  it('sets everything the first time', () => {
    const next = shapeStates(fills, new Set(['BRA']), new Set(), null);
    expect(stateChanges(new Map(), next)).toEqual([
      ['JPN', { fill: '#aaa', dimmed: false, override: false, selected: false }],
      ['USA', { fill: '#bbb', dimmed: false, override: false, selected: false }],
      ['BRA', { fill: '#ccc', dimmed: true, override: false, selected: false }],
    ]);
  });

  it('touches only the two countries a new selection changes', () => {
    const before = shapeStates(fills, new Set(), new Set(), 'JPN');
    const after = shapeStates(fills, new Set(), new Set(), 'USA');
    expect(stateChanges(before, after)).toEqual([
      ['JPN', { selected: false }],
      ['USA', { selected: true }],
    ]);
  });

  it('sets nothing when new props say the same', () => {
    const before = shapeStates(fills, new Set(['USA']), new Set(['JPN']), null);
    const after = shapeStates(new Map(fills), new Set(['USA']), new Set(['JPN']), null);
    expect(stateChanges(before, after)).toEqual([]);
    expect(stateChanges(placeStates(fills.keys(), new Set(['JPN'])), placeStates(fills.keys(), new Set(['JPN'])))).toEqual([]);
  });

  it('sends only the keys that changed', () => {
    const before = shapeStates(fills, new Set(), new Set(), null);
    const after = shapeStates(new Map([...fills, ['BRA', '#ddd']]), new Set(['JPN']), new Set(), null);
    expect(stateChanges(before, after)).toEqual([
      ['JPN', { dimmed: true }],
      ['BRA', { fill: '#ddd' }],
    ]);
  });
});
