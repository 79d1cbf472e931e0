import { describe, expect, it } from 'vitest';
import { extractEvents, sortEvents } from './timeline';
import type { Passage } from './types';

function passage(text: string): Passage {
  return { id: 'p', sourceId: 's', index: 0, kind: 'prose', text, citations: [] };
}

const dates = (text: string) => extractEvents(passage(text)).map((event) => ({ text: event.text, ...event.date }));

describe('extractEvents()', () => {
  it('reads a year after "in" and a bare year', () => {
    expect(dates('and in 2002 a brief naval skirmish')).toEqual([{ text: '2002', year: 2002, precision: 'year' }]);
    expect(dates('A 2015 government-sponsored poll')).toEqual([{ text: '2015', year: 2015, precision: 'year' }]);
  });

  it('reads decades, with an early, mid or late qualifier', () => {
    expect(dates('exchange visits freely in the late 1980s.')).toEqual([
      { text: 'the late 1980s', year: 1980, precision: 'decade', qualifier: 'late' },
    ]);
    expect(dates('In the 1980s South Korean president')).toEqual([{ text: 'the 1980s', year: 1980, precision: 'decade' }]);
    expect(dates('by the mid-1990s')).toEqual([{ text: 'the mid-1990s', year: 1990, precision: 'decade', qualifier: 'mid' }]);
  });

  it('reads a month and year', () => {
    expect(dates('In December 2022, the two nations')).toEqual([{ text: 'December 2022', year: 2022, month: 12, precision: 'month' }]);
    expect(dates('his July 1986 Vladivostok and August 1988 Krasnoyarsk speeches')).toEqual([
      { text: 'July 1986', year: 1986, month: 7, precision: 'month' },
      { text: 'August 1988', year: 1988, month: 8, precision: 'month' },
    ]);
  });

  it('reads a full date once, not also as its month or year', () => {
    expect(dates('On May 27, 2009, North Korea media declared')).toEqual([
      { text: 'May 27, 2009', year: 2009, month: 5, day: 27, precision: 'day' },
    ]);
    expect(dates('on 27 May 2009')).toEqual([{ text: '27 May 2009', year: 2009, month: 5, day: 27, precision: 'day' }]);
  });

  it('does not take an impossible day for a date', () => {
    expect(dates('February 30, 2009')).toEqual([{ text: '2009', year: 2009, precision: 'year' }]);
  });

  it('ignores percentages, amounts, counts, citation labels and other numbers that are not years', () => {
    expect(dates('41% of South Koreans, four sailors, €65 billion, 7.5% growth, [20] and 2500 troops, 1,2009 and 3000')).toEqual([]);
    expect(dates('a 2015% rise')).toEqual([]);
  });

  it('gives spans into the passage text and keeps text order', () => {
    const text = 'exceeded €65 billion in 2008 and grew between 2004 and 2008.';
    const events = extractEvents(passage(text));
    expect(events.map((event) => event.text)).toEqual(['2008', '2004', '2008']);
    for (const event of events) expect(text.slice(event.start, event.end)).toBe(event.text);
  });
});

describe('sortEvents()', () => {
  it('orders by date, a decade by its qualifier, keeping text order on ties', () => {
    const events = extractEvents(passage('In June 1990, after the late 1980s and the 1980s, in 1990, on May 27, 2009 and in 1968'));
    expect(sortEvents(events).map((event) => event.text)).toEqual(['1968', 'the 1980s', 'the late 1980s', '1990', 'June 1990', 'May 27, 2009']);
  });
});
