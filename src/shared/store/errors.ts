/**
 * Why a store operation was refused or failed. The renderer maps each code to an i18n key; the
 * message is for logs and developers, not for display.
 */
export type StoreErrorCode =
  // Input the caller gave
  | 'invalid-input'
  | 'not-found'
  | 'already-exists'
  | 'unknown-tier'
  // Writing the store file
  | 'disk-full'
  | 'read-only'
  | 'folder-missing'
  | 'write-failed'
  | 'invalid-state'
  // Import files
  | 'too-large'
  | 'unreadable-file'
  | 'not-json'
  | 'forbidden-key'
  | 'wrong-format'
  | 'wrong-schema'
  | 'wrong-version'
  | 'newer-version'
  // Documents imported as sources (too-large and unreadable-file above apply too)
  | 'empty-file'
  | 'binary-file'
  | 'bad-encoding'
  | 'no-text'
  | 'pdf-no-text'
  | 'pdf-unreadable'
  | 'pdf-too-many-pages'
  | 'too-large-decompressed'
  | 'import-out-of-memory'
  | 'import-timeout'
  | 'file-vanished'
  | 'duplicate-source'
  // Snapshots
  | 'bad-snapshot-name'
  | 'snapshot-not-found'
  | 'snapshot-unreadable';

/** Every error the store's repositories reject with carries one of these codes. */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Whether `error` is a StoreError, optionally with the given code. */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
