import { describe, expect, it } from 'vitest';
import { en, ko, languageForLocale, translate } from './index';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('have the same keys in English and Korean, none empty', () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
    for (const key of keys(ko)) expect(translate('ko', key).trim().length, key).toBeGreaterThan(0);
  });

  it('keep the same placeholders in both languages', () => {
    for (const key of keys(en)) {
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(translate('ko', key)), key).toEqual(placeholders(translate('en', key)));
    }
  });

  it('name every region and subregion of the country list', async () => {
    const { default: worldCountries } = await import('world-countries');
    for (const country of worldCountries) {
      expect(en.regions, country.region).toHaveProperty([country.region]);
      if (country.subregion) expect(ko.subregions, country.subregion).toHaveProperty([country.subregion]);
    }
  });
});

describe('translate()', () => {
  it('fills placeholders and refuses unknown keys', () => {
    expect(translate('en', 'about.version', { version: '1.2.3' })).toBe('Version 1.2.3');
    expect(translate('ko', 'about.version', { version: '1.2.3' })).toBe('버전 1.2.3');
    expect(() => translate('en', 'menu.nothing')).toThrow(/Missing translation/);
  });
});

describe('languageForLocale()', () => {
  it('picks Korean for Korean locales and English otherwise', () => {
    expect(languageForLocale('ko-KR')).toBe('ko');
    expect(languageForLocale('ko')).toBe('ko');
    expect(languageForLocale('en-GB')).toBe('en');
    expect(languageForLocale('ja-JP')).toBe('en');
  });
});
