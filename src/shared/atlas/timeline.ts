import type { Passage } from './types';

/** How precisely a date is known. */
export type DatePrecision = 'day' | 'month' | 'year' | 'decade';

/** A date as a passage gives it; `year` is the decade's first year for a decade. */
export interface EventDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
  qualifier?: 'early' | 'mid' | 'late';
}

/** A dated mention in a passage. */
export interface TimelineEvent {
  passageId: string;
  /** Span of the date expression in `passage.text`. */
  start: number;
  end: number;
  text: string;
  date: EventDate;
  /** Orders events chronologically: YYYYMMDD, with 00 for an unknown month or day. */
  sortKey: number;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const MONTH = `(${MONTHS.join('|')})`;
// Years the sources plausibly date events in; four-digit amounts outside it are not years.
const YEAR = '(1[5-9]\\d\\d|20\\d\\d)';

const QUALIFIER_OFFSET = { early: 0, mid: 4, late: 7 } as const;

interface Pattern {
  regex: RegExp;
  read: (match: RegExpExecArray) => EventDate | null;
}

// Most specific first: a full date must not also yield its month-and-year or its year.
const PATTERNS: readonly Pattern[] = [
  {
    regex: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),\\s*${YEAR}\\b`, 'g'),
    read: (match) => fullDate(match[3], match[1], match[2]),
  },
  {
    regex: new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+${YEAR}\\b`, 'g'),
    read: (match) => fullDate(match[3], match[2], match[1]),
  },
  {
    regex: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, 'g'),
    read: (match) => ({ year: Number(match[2]), month: monthNumber(match[1]), precision: 'month' }),
  },
  {
    regex: /\b(?:[Tt]he\s+)?(?:(early|mid|late)[\s-]+)?(1[5-9]\d|20\d)0s\b/g,
    read: (match) => {
      const qualifier = match[1];
      const year = Number(match[2]) * 10;
      return isQualifier(qualifier) ? { year, precision: 'decade', qualifier } : { year, precision: 'decade' };
    },
  },
  {
    // Not a percentage, an amount ("€2008"), part of a longer number, or a plural ("1980s" is a decade).
    regex: new RegExp(`(?<![\\d.,€$£¥])\\b${YEAR}\\b(?![\\d%]|s\\b|\\.\\d|,\\d)`, 'g'),
    read: (match) => ({ year: Number(match[1]), precision: 'year' }),
  },
];

// Every pattern above needs a year or a decade, so a passage without these three digits has no date.
const MAY_HAVE_DATE = /(?:1[5-9]|20)\d/;

/** Finds every dated mention in a passage: full dates, months, years and decades, in text order. */
export function extractEvents(passage: Passage): TimelineEvent[] {
  const taken: TimelineEvent[] = [];
  const { text } = passage;
  if (!MAY_HAVE_DATE.test(text)) return taken;
  for (const pattern of PATTERNS) {
    // exec over the shared expression rather than matchAll, which copies it for every passage.
    const { regex } = pattern;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some((event) => start < event.end && event.start < end)) continue;
      const date = pattern.read(match);
      if (!date) continue;
      taken.push({ passageId: passage.id, start, end, text: match[0], date, sortKey: sortKeyOf(date) });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Sorts events chronologically; events on the same key keep their given order. */
export function sortEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => a.sortKey - b.sortKey);
}

function sortKeyOf(date: EventDate): number {
  const year = date.precision === 'decade' ? date.year + (date.qualifier ? QUALIFIER_OFFSET[date.qualifier] : 0) : date.year;
  return year * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0);
}

function isQualifier(word: string | undefined): word is keyof typeof QUALIFIER_OFFSET {
  return word === 'early' || word === 'mid' || word === 'late';
}

function monthNumber(name: string | undefined): number {
  return MONTHS.findIndex((month) => month === name) + 1;
}

function fullDate(yearText: string | undefined, monthText: string | undefined, dayText: string | undefined): EventDate | null {
  const year = Number(yearText);
  const month = monthNumber(monthText);
  const day = Number(dayText);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month === 0 || day < 1 || day > daysInMonth) return null;
  return { year, month, day, precision: 'day' };
}
