import type { EventDate } from '../atlas';
import { translate } from '../i18n';
import type { Language } from '../i18n/language';

const LOCALES: Record<Language, string> = { en: 'en-GB', ko: 'ko-KR' };

const longDates = new Map<Language, Intl.DateTimeFormat>();

/** A day as a reader of `language` writes it: `27 November 2026`, `2026년 11월 27일`; in local time. */
export function formatDay(date: Date, language: Language): string {
  let format = longDates.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long' });
    longDates.set(language, format);
  }
  return format.format(date);
}

/** A day as `2026-11-27`, in local time, for file names. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A whole number with the reader's digit grouping. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(value);
}

/** A date of the timeline as precisely as the source gives it: `July 2024`, `2024년 7월`, `the early 1990s`. */
export function formatEventDate(date: EventDate, language: Language): string {
  if (date.precision === 'decade') {
    const key = date.qualifier === 'early' ? 'decadeEarly' : date.qualifier === 'mid' ? 'decadeMid' : date.qualifier === 'late' ? 'decadeLate' : 'decade';
    return translate(language, `briefing.${key}`, { year: date.year });
  }
  const utc = new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    date.precision === 'day'
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
      : date.precision === 'month'
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(LOCALES[language], options).format(utc);
}

/**
 * The row of a timeline by year an event goes in: its year, or its decade for an event the source
 * dates only to a decade ("the late 1980s" goes under 1980s, not under 1980). Decades sort before
 * the years in them.
 */
export function yearRowOf(date: EventDate, language: Language): { key: string; label: string; order: number } {
  if (date.precision === 'decade') return { key: `${date.year}s`, label: translate(language, 'briefing.decade', { year: date.year }), order: date.year * 2 };
  return { key: String(date.year), label: String(date.year), order: date.year * 2 + 1 };
}
