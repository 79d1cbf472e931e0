import { describe, expect, it } from 'vitest';
import { deltaE2000, parseHexColour, perceivedDifference, simulateColourVision } from './colour';

describe('deltaE2000()', () => {
  // Sharma, Wu & Dalal (2005), table 1.
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ])('gives the published difference between %j and %j', (first, second, expected) => {
    const [l1 = 0, a1 = 0, b1 = 0] = first;
    const [l2 = 0, a2 = 0, b2 = 0] = second;
    expect(deltaE2000({ l: l1, a: a1, b: b1 }, { l: l2, a: a2, b: b2 })).toBeCloseTo(expected, 4);
  });
});

describe('simulateColourVision()', () => {
  it('leaves greys unchanged under every deficiency', () => {
    for (const vision of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      const [r, g, b] = simulateColourVision(parseHexColour('#808080'), vision);
      expect(Math.abs(r - g) + Math.abs(g - b)).toBeLessThan(0.02);
    }
  });

  it('makes a red and a green that differ with normal vision hard to tell apart for deuteranopes', () => {
    expect(perceivedDifference('#d62728', '#7f7f00', 'normal')).toBeGreaterThan(25);
    expect(perceivedDifference('#d62728', '#7f7f00', 'deuteranopia')).toBeLessThan(12);
  });

  it('makes a blue and a green harder to tell apart for tritanopes', () => {
    expect(perceivedDifference('#1f77b4', '#2ca02c', 'tritanopia')).toBeLessThan(perceivedDifference('#1f77b4', '#2ca02c', 'normal'));
  });
});

describe('parseHexColour()', () => {
  it('reads long and short hex colours and refuses anything else', () => {
    expect(parseHexColour('#ff0000')).toEqual([1, 0, 0]);
    expect(parseHexColour('#0f0')).toEqual([0, 1, 0]);
    expect(() => parseHexColour('red')).toThrow(/Not a hex colour/);
  });
});
