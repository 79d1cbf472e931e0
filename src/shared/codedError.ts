/**
 * Why an operation was refused or failed: a change to the store, opening it, importing notes or a
 * document as a source, restoring a snapshot. The renderer maps each code to an i18n key; the
 * message is for logs and developers, not for display.
 */
export type CodedErrorCode =
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
  | 'store-closed'
  // Opening the store (StoreOpenError)
  | 'store-in-use'
  | 'store-newer-version'
  | 'store-not-a-folder'
  | 'store-file-is-folder'
  | 'store-read-only'
  | 'store-unreadable'
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
  | 'link-out-of-memory'
  | 'link-timeout'
  | 'file-vanished'
  | 'duplicate-source'
  // Snapshots
  | 'bad-snapshot-name'
  | 'snapshot-not-found'
  | 'snapshot-unreadable';

/** An error with one of these codes: what the store's repositories and the imports reject with. */
export class CodedError extends Error {
  override readonly name = 'CodedError';

  constructor(
    readonly code: CodedErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The codes a store that cannot be opened at all is refused with. */
export type StoreOpenErrorCode = Extract<
  CodedErrorCode,
  'store-in-use' | 'store-newer-version' | 'store-not-a-folder' | 'store-file-is-folder' | 'store-read-only' | 'store-unreadable'
>;

/**
 * Why the store could not be opened: the app says so and does not start, having changed nothing
 * on disk. `path` is the folder or file concerned, for the message.
 */
export class StoreOpenError extends CodedError {
  constructor(
    override readonly code: StoreOpenErrorCode,
    message: string,
    readonly path: string,
    readonly details: {
      /** `store-newer-version`: the schema version of the file found. */
      version?: number;
      /** `store-in-use`: the process holding the folder, when its lock file says. */
      holder?: { pid: number; host: string };
    } = {},
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** Whether `error` is a CodedError, optionally with the given code. */
export function isCodedError(error: unknown, code?: CodedErrorCode): error is CodedError {
  return error instanceof CodedError && (code === undefined || error.code === code);
}
