import { describe, expect, it } from 'vitest';
import { OPEN_BUDGET, openAtFirst, PASSAGE_STEP } from './openGroups';

const groups = (...counts: number[]) => counts.map((count, index) => ({ sourceId: `s${String(index)}`, count }));

describe('openAtFirst()', () => {
  it('opens the groups in source order while their first pages fit the budget', () => {
    expect([...openAtFirst(groups(12, 3000, 40))]).toEqual(['s0', 's1']);
    expect([...openAtFirst(groups(3, 4, 5))]).toEqual(['s0', 's1', 's2']);
  });

  it('always opens the first group, and no more than the budget however many sources there are', () => {
    expect([...openAtFirst(groups(5000))]).toEqual(['s0']);
    const fifty = groups(...Array.from({ length: 50 }, () => 400));
    const open = openAtFirst(fifty);
    expect(open.size * PASSAGE_STEP).toBeLessThanOrEqual(OPEN_BUDGET);
    expect(open.has('s0')).toBe(true);
    expect(openAtFirst([]).size).toBe(0);
  });

  it('stops at the first group that does not fit, so the open ones are the first in order', () => {
    expect([...openAtFirst(groups(60, 60, 60, 1))]).toEqual(['s0', 's1']);
  });
});
