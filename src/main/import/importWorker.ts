import { Worker } from 'node:worker_threads';
import { IMPORT_LIMITS, type ConvertedSource } from '../../shared/sources';
import { CodedError, type CodedErrorCode } from '../../shared/codedError';
import { contentHash, convertSourceFile, type SourceFile } from './sourceFiles';

/** A document read into source text, with the hash of that text. */
export interface Converted {
  converted: ConvertedSource;
  hash: string;
}

/** What the import worker answers. */
export type ImportWorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; done: number }
  | { type: 'done'; converted: ConvertedSource; hash: string }
  | { type: 'error'; code: CodedErrorCode | null; message: string };

/** A document being read: its outcome (null once cancelled), and Cancel. */
export interface Conversion {
  result: Promise<Converted | null>;
  cancel(): void;
}

/** The limits a conversion runs under (IMPORT_LIMITS unless a test makes them tighter). */
export interface ConversionLimits {
  timeMs: number;
  memoryMb: number;
  heapMb: number;
}

export interface ConversionOptions {
  onProgress?: (done: number) => void;
  limits?: ConversionLimits;
  log?: (message: string, error: unknown) => void;
}

/** How often main looks at how much memory the app holds while a document is read. */
const MEMORY_POLL_MS = 25;
const MB = 1024 * 1024;
const CANNOT_START = 'The import worker could not start; reading the document on main instead.';

/**
 * Reads a document into source text in a worker thread of its own (the built importWorker.js), so
 * nothing a document holds can freeze main or take it down. The thread's heap is capped; main
 * stops it when it runs past the time limit (`import-timeout`), when the app's memory grows past
 * the limit while it runs (a PDF inflating to gigabytes holds them outside the heap:
 * `too-large-decompressed`, or `import-out-of-memory` for other documents), or on Cancel (the
 * result is then null). A worker file that cannot be found is logged and the document read on main,
 * without those limits; a thread that fails otherwise before it is ready fails the import.
 */
export function convertInWorker(workerPath: string, file: SourceFile, options: ConversionOptions = {}): Conversion {
  const limits = options.limits ?? IMPORT_LIMITS;
  const isPdf = file.bytes[0] === 0x25 && file.bytes[1] === 0x50 && file.bytes[2] === 0x44 && file.bytes[3] === 0x46;
  const tooMuchMemory = (): CodedError =>
    isPdf
      ? new CodedError('too-large-decompressed', `The PDF took more than ${String(limits.memoryMb)} MB of memory to read.`)
      : new CodedError('import-out-of-memory', `The document took more than ${String(limits.memoryMb)} MB of memory to read.`);
  let settle: ((outcome: Converted | null | Error) => void) | null = null;
  const result = new Promise<Converted | null>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerPath, {
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: Math.min(64, limits.heapMb / 4) },
      });
    } catch (error) {
      options.log?.(CANNOT_START, error);
      convertHere(file, options.onProgress).then(resolve, reject);
      return;
    }
    // Whether the thread loaded its code: an error before that means it cannot start here.
    let started = false;
    // Set once the document is read on main instead: the thread's exit then says nothing.
    let onMain = false;
    const startRss = process.memoryUsage.rss();
    const poll = setInterval(() => {
      if (process.memoryUsage.rss() - startRss > limits.memoryMb * MB) settle?.(tooMuchMemory());
    }, MEMORY_POLL_MS);
    const timer = setTimeout(() => settle?.(new CodedError('import-timeout', `Reading the document took more than ${String(limits.timeMs / 1000)} s.`)), limits.timeMs);
    settle = (outcome) => {
      settle = null;
      clearInterval(poll);
      clearTimeout(timer);
      // A finished or failed thread is stopped too: its memory is given back at once.
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'ready') {
        started = true;
        return;
      }
      if (message.type === 'progress') return options.onProgress?.(message.done);
      if (message.type === 'done') return settle?.({ converted: message.converted, hash: message.hash });
      settle?.(message.code ? new CodedError(message.code, message.message) : new Error(message.message));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!settle) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return settle(tooMuchMemory());
      // Only a worker file that is not there is read around on main; a thread that fails in any
      // other way before it is ready may have failed on the document, which main must not then read.
      if (started || (error.code !== 'MODULE_NOT_FOUND' && error.code !== 'ERR_MODULE_NOT_FOUND')) return settle(error);
      options.log?.(CANNOT_START, error);
      // The limits were the thread's: on main they could only reject the promise, never stop the reading.
      settle = null;
      clearInterval(poll);
      clearTimeout(timer);
      onMain = true;
      convertHere(file, options.onProgress).then(resolve, reject);
    });
    worker.on('exit', (code) => !onMain && settle?.(new Error(`The import worker stopped (exit code ${String(code)}).`)));
    // The bytes are copied across: the caller's stay whole.
    worker.postMessage(file);
  });
  return { result, cancel: () => settle?.(null) };
}

/** Reads a document on this thread: in the import worker, and where none is built (unit tests). */
export async function convertHere(file: SourceFile, onProgress?: (done: number) => void): Promise<Converted> {
  const converted = await convertSourceFile(file, onProgress);
  return { converted, hash: contentHash(converted.text) };
}
