import { parentPort, workerData } from 'node:worker_threads';
import { prepareAtlas } from '../../shared/atlas';
import { linkCompact } from '../../shared/atlas/compact';
import { readAtlasFiles } from '../data/atlasFiles';
import type { LinkRequest, LinkWorkerData, LinkWorkerMessage } from './linkWorker';

/**
 * A worker thread that links part of an imported document's passages and runs the tier rules over
 * them (see linkWorker.ts, its pool). It reads the same data files as main, so its gazetteer and tier
 * rules are main's, and answers in numbers (CompactLinks), which cross between threads for free.
 */
const port = parentPort;
if (!port) throw new Error('linkWorker.js runs as a worker thread only.');
const { dataFolder } = workerData as LinkWorkerData;
// The gazetteer and tier rules only: the bundled sources are main's, and need no linking here.
const ready = readAtlasFiles(dataFolder).then(prepareAtlas);
// How often progress is reported, in milliseconds.
const PROGRESS_MS = 100;

port.on('message', (request: LinkRequest) => {
  ready
    .then((context) => {
      // The run's time limit starts now, not while it waited behind others.
      port.postMessage({ type: 'started', job: request.job } satisfies LinkWorkerMessage);
      let last = 0;
      const compact = linkCompact(request.passages, request.document, context.gazetteer, context.scheme, (done) => {
        const now = performance.now();
        if (now - last < PROGRESS_MS) return;
        last = now;
        port.postMessage({ type: 'progress', job: request.job, done } satisfies LinkWorkerMessage);
      });
      port.postMessage({ type: 'done', job: request.job, compact } satisfies LinkWorkerMessage, [compact.links.buffer as ArrayBuffer, compact.findings.buffer as ArrayBuffer]);
    })
    .catch((error: unknown) => {
      port.postMessage({ type: 'error', job: request.job, message: error instanceof Error ? error.message : String(error) } satisfies LinkWorkerMessage);
    });
});
