import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../shared/contract';
import { createSessionSaver, restoredSelection } from './session';

describe('createSessionSaver()', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a burst of changes once, as the whole session, after the quiet delay', () => {
    const saved: SessionState[] = [];
    const saver = createSessionSaver({ tab: 'countries' }, (session) => saved.push(session), 500);
    saver.update({ view: { center: [10, 20], zoom: 2 } });
    vi.advanceTimersByTime(300);
    saver.update({ view: { center: [11, 21], zoom: 3 } });
    saver.update({ selected: 'JPN' });
    vi.advanceTimersByTime(499);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual([{ tab: 'countries', view: { center: [11, 21], zoom: 3 }, selected: 'JPN' }]);
  });

  it('does not write a change that leaves the session as it was', () => {
    const saved: SessionState[] = [];
    const saver = createSessionSaver({ selected: 'JPN' }, (session) => saved.push(session), 100);
    saver.update({ selected: 'JPN' });
    vi.advanceTimersByTime(200);
    saver.update({ selected: 'CHN' });
    saver.update({ selected: 'JPN' });
    vi.advanceTimersByTime(200);
    expect(saved).toEqual([]);
  });

  it('writes at once on flush, and nothing after dispose', () => {
    const saved: SessionState[] = [];
    const saver = createSessionSaver({}, (session) => saved.push(session), 1000);
    saver.update({ tab: 'notes' });
    saver.flush();
    expect(saved).toEqual([{ tab: 'notes' }]);
    saver.flush();
    saver.update({ tab: 'sources' });
    saver.dispose();
    vi.advanceTimersByTime(5000);
    expect(saved).toHaveLength(1);
  });
});

describe('restoredSelection()', () => {
  it('reopens a country the atlas still has, and nothing otherwise', () => {
    const known = (id: string) => id === 'JPN';
    expect(restoredSelection({ selected: 'JPN' }, known)).toBe('JPN');
    expect(restoredSelection({ selected: 'x-gone' }, known)).toBeNull();
    expect(restoredSelection({ selected: null }, known)).toBeNull();
    expect(restoredSelection(null, known)).toBeNull();
  });
});
