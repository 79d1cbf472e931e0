import { serialize, deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { memoOf, MemoisedPassage } from './passageMemo';
import type { Passage } from './types';

const passage: Passage = { id: 'p1', sourceId: 's', index: 0, kind: 'prose', text: 'Japan and Korea.', citations: [{ label: '1', offset: 5 }] };
const links = [{ countryId: 'JPN', start: 0, end: 5, matched: 'Japan', role: 'subject' as const }];

describe('MemoisedPassage', () => {
  it('has exactly the fields of a linked, dated passage, and equals the plain object', () => {
    const record = new MemoisedPassage(passage, links, []);
    expect(Object.keys(record).sort()).toEqual(['citations', 'events', 'id', 'index', 'kind', 'links', 'sourceId', 'text']);
    expect(record).toEqual({ ...passage, links, events: [] });
  });

  it('keeps its memo out of JSON and out of what IPC (structured clone) sends', () => {
    const record = new MemoisedPassage(passage, links, []);
    memoOf(record).subjects = ['JPN'];
    const cloned = deserialize(serialize(record)) as object;
    expect(Object.getPrototypeOf(cloned)).toBe(Object.prototype);
    expect(cloned).toEqual({ ...passage, links, events: [] });
    expect(memoOf(cloned).subjects).toBeUndefined();
    expect(JSON.parse(JSON.stringify(record))).toEqual({ ...passage, links, events: [] });
  });

  it('gives the same memo each time, for its own records and for plain passages alike', () => {
    const record = new MemoisedPassage(passage, links, []);
    memoOf(record).linked = ['JPN'];
    expect(memoOf(record).linked).toEqual(['JPN']);
    const plain = { ...passage, links };
    memoOf(plain).linked = ['JPN'];
    expect(memoOf(plain).linked).toEqual(['JPN']);
    expect(Object.keys(plain)).not.toContain('linked');
    const frozen = Object.freeze({ ...passage, links });
    memoOf(frozen).linked = ['JPN'];
    expect(memoOf(frozen).linked).toBeUndefined();
  });
});
