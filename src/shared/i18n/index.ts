import { en, type Messages } from './en';
import { ko } from './ko';
import type { Language } from './language';

export { en, ko, type Messages };

/** Every translation, keyed by language. */
export const MESSAGES: Record<Language, Messages> = { en, ko };

/** Picks the interface language for an OS locale such as `ko-KR`. */
export function languageForLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/**
 * Looks up a dotted key (`menu.file`) and fills `{{name}}` placeholders; used where i18next is not
 * loaded (the main process). An unknown key throws, so a typo fails a test instead of showing raw.
 */
export function translate(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (isRecord(node) ? node[part] : undefined), MESSAGES[language]);
  if (typeof found !== 'string') throw new Error(`Missing translation ${language}:${key}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
