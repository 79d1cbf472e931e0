import { describe, expect, it } from 'vitest';
import { FIRST_ROWS, firstRows, sameOrNext } from './rows';

const long = Array.from({ length: 250 }, (_, index) => index);

describe('firstRows()', () => {
  it('renders the whole list once the deferred render has caught up', () => {
    expect(firstRows(long, long)).toBe(long);
  });

  it('renders only the first rows of a long list while the deferred render lags behind', () => {
    expect(firstRows(long, [])).toEqual(long.slice(0, FIRST_ROWS));
  });

  it('renders as many as asked, so the active row is there', () => {
    expect(firstRows(long, [], 120)).toHaveLength(120);
  });

  it('renders a short list whole at once', () => {
    const short = long.slice(0, 12);
    expect(firstRows(short, long)).toBe(short);
  });
});

describe('sameOrNext()', () => {
  it('keeps the previous list when the new one has the same items', () => {
    const previous = [1, 2, 3];
    expect(sameOrNext(previous, [1, 2, 3])).toBe(previous);
  });

  it('takes the new list when anything differs', () => {
    const next = [1, 3, 2];
    expect(sameOrNext([1, 2, 3], next)).toBe(next);
    expect(sameOrNext(undefined, next)).toBe(next);
    expect(sameOrNext([1, 2], next)).toBe(next);
  });
});
