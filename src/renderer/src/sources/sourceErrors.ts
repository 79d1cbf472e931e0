import type { TFunction } from 'i18next';
import { IMPORT_LIMITS, SOURCE_MAX_BYTES } from '../../../shared/sources/document';
import { PDF_MAX_PAGES } from '../../../shared/sources/pdf';
import { AtlasCallError } from '../bridge';

/**
 * Why an import failed, as the user should read it, with "nothing was imported" after it; numbers
 * are written the way `language` (the UI's) writes them.
 */
export function sourceErrorText(t: TFunction, error: unknown, language: string): string {
  const reason = error instanceof AtlasCallError ? (error.reason ?? (error.code === 'not-found' ? 'not-found' : null)) : null;
  const message = error instanceof Error ? error.message : String(error);
  const text = reason
    ? t(`sources.errors.${reason}`, {
        size: SOURCE_MAX_BYTES / 1024 / 1024,
        pages: PDF_MAX_PAGES.toLocaleString(language),
        memory: IMPORT_LIMITS.memoryMb,
        heap: IMPORT_LIMITS.heapMb,
        seconds: IMPORT_LIMITS.timeMs / 1000,
        defaultValue: t('sources.errors.other', { message }),
      })
    : t('sources.errors.other', { message });
  return `${text} ${t('sources.errors.nothingStored')}`;
}

/** The message for a dropped file the renderer refuses before sending it (over the size limit). */
export function tooLargeText(t: TFunction): string {
  return `${t('sources.errors.too-large', { size: SOURCE_MAX_BYTES / 1024 / 1024 })} ${t('sources.errors.nothingStored')}`;
}
