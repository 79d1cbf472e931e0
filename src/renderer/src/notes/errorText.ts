import type { TFunction } from 'i18next';
import { AtlasCallError } from '../bridge';

/** A failed store call as the user should read it: the translated reason, else the message. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof AtlasCallError && error.reason) {
    return t(`notes.errors.${error.reason}`, { defaultValue: t('notes.errors.other', { message: error.message }) });
  }
  return t('notes.errors.other', { message: error instanceof Error ? error.message : String(error) });
}
