import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Language, StoreStatus } from '../../shared/contract';
import { translate } from '../../shared/i18n';
import { StoreOpenError } from '../../shared/codedError';
import { STORE_VERSION } from '../../shared/store/schema';
import type { StoreRecovery } from './openStore';
import { LOCK_FILE } from './storeLock';

/** The title and text of a start-up message box about the store. */
export interface StoreDialogText {
  title: string;
  message: string;
}

/**
 * What the user is told when the store could not be opened at all (the app does not start), or
 * null when `error` is not about opening the store (main then reports it as it is).
 */
export function storeOpenFailureText(error: unknown, language: Language): StoreDialogText | null {
  if (!(error instanceof StoreOpenError)) return null;
  const t = (key: string, values: Record<string, string | number> = {}) => translate(language, `dialog.${key}`, { path: error.path, ...values });
  const title = translate(language, 'dialog.storeOpenFailedTitle');
  switch (error.code) {
    case 'store-in-use': {
      const holder = error.details.holder;
      // Named on this computer too: where the OS gives no process start time (macOS, Windows), a
      // crashed copy whose pid was reused still looks alive, and deleting the lock is the way out.
      const lock = join(error.path, LOCK_FILE);
      if (holder && holder.host !== hostname()) return { title, message: t('storeInUseElsewhere', { host: holder.host, lock }) };
      return { title, message: t('storeInUse', { lock }) };
    }
    case 'store-newer-version':
      return { title, message: t('storeNewerVersion', { version: error.details.version ?? '?', known: STORE_VERSION }) };
    case 'store-not-a-folder':
      return { title, message: t('storeNotAFolder') };
    case 'store-file-is-folder':
      return { title, message: t('storeFileIsFolder') };
    case 'store-read-only':
      return { title, message: t('storeReadOnly') };
    case 'store-unreadable': {
      const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
      // The OS's error code (EIO, EACCES…) says more in either language than its English message;
      // without one, the translated text comes first and the detail, as it was given, after it.
      if (code !== undefined) return { title, message: t('storeUnreadable', { reason: code }) };
      return { title, message: t('storeUnreadableDetail', { detail: error.cause instanceof Error ? error.cause.message : error.message }) };
    }
  }
}

/**
 * What the user is told when the app could not start: about the store as storeOpenFailureText
 * says, anything else in the user's language with the error's details (its stack) below.
 */
export function startFailureText(error: unknown, language: Language): StoreDialogText {
  const store = storeOpenFailureText(error, language);
  if (store) return store;
  const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { title: translate(language, 'dialog.startFailedTitle'), message: `${translate(language, 'dialog.startFailed')}\n\n${details}` };
}

/**
 * What the user is told after a store file that could not be used was replaced: where an unreadable
 * one is kept (or which one was missing), what the atlas started from, and where a backup that
 * could not be read either is kept.
 */
export function storeRecoveryText(recovery: StoreRecovery, language: Language): StoreDialogText {
  const unreadable = recovery.reason === 'unreadable';
  const values = { path: unreadable ? recovery.movedTo : recovery.path, snapshot: recovery.snapshot ?? '' };
  const from = { backup: 'FromBackup', snapshot: 'FromSnapshot', empty: 'Empty' }[recovery.restoredFrom];
  const prefix = unreadable ? 'storeRecovered' : 'storeMissing';
  const message = translate(language, `dialog.${prefix}${from}`, values);
  const kept = recovery.backupMovedTo === undefined ? '' : `\n${translate(language, 'dialog.storeBackupKept', { path: recovery.backupMovedTo })}`;
  return { title: translate(language, `dialog.${prefix}Title`), message: `${message}${kept}` };
}

/** The recovery as the renderer's banner is told it. */
export function recoveryStatus(recovery: StoreRecovery | null): StoreStatus['recovery'] {
  if (recovery === null) return null;
  if (recovery.reason === 'missing') return { reason: 'missing', restoredFrom: recovery.restoredFrom };
  return { reason: 'unreadable', movedTo: recovery.movedTo, restoredFrom: recovery.restoredFrom };
}

