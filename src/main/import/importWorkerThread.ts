import { parentPort } from 'node:worker_threads';
import { isCodedError } from '../../shared/codedError';
import { convertHere, type ImportWorkerMessage } from './importWorker';
import type { SourceFile } from './sourceFiles';

/**
 * A worker thread that reads one document into source text (see importWorker.ts, its pool): the
 * readers and pdf.js run here, under the heap cap and the limits main watches, never on main.
 */
const port = parentPort;
if (!port) throw new Error('importWorker.js runs as a worker thread only.');
// How often progress is reported, in milliseconds.
const PROGRESS_MS = 100;
port.postMessage({ type: 'ready' } satisfies ImportWorkerMessage);

port.once('message', (file: SourceFile) => {
  let last = 0;
  const onProgress = (done: number): void => {
    const now = performance.now();
    if (now - last < PROGRESS_MS) return;
    last = now;
    port.postMessage({ type: 'progress', done } satisfies ImportWorkerMessage);
  };
  convertHere(file, onProgress).then(
    ({ converted, hash }) => port.postMessage({ type: 'done', converted, hash } satisfies ImportWorkerMessage),
    (error: unknown) =>
      port.postMessage({
        type: 'error',
        code: isCodedError(error) ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      } satisfies ImportWorkerMessage),
  );
});
