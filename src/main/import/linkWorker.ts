import { Worker } from 'node:worker_threads';
import type { CompactLinks, PassageToLink } from '../../shared/atlas/compact';
import type { DocumentContext } from '../../shared/atlas/link';
import { IMPORT_LIMITS } from '../../shared/sources';
import { CodedError } from '../../shared/codedError';

/** What the link worker is started with. */
export interface LinkWorkerData {
  dataFolder: string;
}

/** A run of passages for the worker to link, with what their whole document tells linking. */
export interface LinkRequest {
  job: number;
  passages: PassageToLink[];
  document: DocumentContext;
}

/** What the link worker answers. */
export type LinkWorkerMessage =
  | { type: 'started'; job: number }
  | { type: 'progress'; job: number; done: number }
  | { type: 'done'; job: number; compact: CompactLinks }
  | { type: 'error'; job: number; message: string };

/**
 * A worker thread (the built linkWorker.js) that links part of an imported document while another
 * links the rest and main dates the passages: linking and the tier rules are most of an import's
 * work, and on two cores the two halves take about half the time. It answers in numbers (CompactLinks), which cross between
 * threads for next to nothing, where the same links as objects would cost more to copy than to make.
 */
export interface LinkWorker {
  /**
   * Links `passages` and runs the tier rules over them; `onProgress` hears 0–1. `document` is the
   * context of the whole document they are part of, so a run links as it does within the whole.
   */
  link(passages: readonly PassageToLink[], document: DocumentContext, onProgress?: (done: number) => void): Promise<CompactLinks>;
  /** Stops the thread for good: the runs it owed, and any asked for later, fail with LinkWorkerClosedError. */
  close(): Promise<void>;
}

interface Job {
  resolve: (compact: CompactLinks) => void;
  reject: (error: Error) => void;
  progress: (done: number) => void;
  /** Told when the worker begins this run (runs wait their turn behind the ones sent before). */
  started: () => void;
}

interface Running {
  worker: Worker;
  jobs: Map<number, Job>;
}

/** What every run still owed fails with once the worker is closed (the app quitting): nothing should link it again. */
export class LinkWorkerClosedError extends Error {
  override readonly name = 'LinkWorkerClosedError';

  constructor() {
    super('The link worker was closed.');
  }
}

/** An idle worker is stopped after this long, giving back its memory (its own copy of the gazetteer and rules). */
const IDLE_MS = 60_000;

/** The limits a link worker runs under: its heap, and how long one run of passages may take. */
export interface LinkLimits {
  heapMb: number;
  timeMs: number;
}

/**
 * The link worker started from `workerPath` on first use and kept while imports come (stopped after
 * a minute without one). If it fails or exits, the links it owed fail (the caller links them on
 * main) and the next call starts it anew.
 */
export function createLinkWorker(workerPath: string, dataFolder: string, idleMs = IDLE_MS, limits: LinkLimits = IMPORT_LIMITS): LinkWorker {
  let running: Running | null = null;
  let nextJob = 1;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const stop = async (): Promise<void> => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const state = running;
    running = null;
    await state?.worker.terminate();
  };
  const settled = (state: Running): void => {
    if (state.jobs.size > 0 || running !== state) return;
    idleTimer = setTimeout(() => void stop(), idleMs);
    idleTimer.unref();
  };

  const start = (): Running => {
    const worker = new Worker(workerPath, {
      workerData: { dataFolder } satisfies LinkWorkerData,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: Math.min(64, limits.heapMb / 4) },
    });
    // An idle worker never keeps the app (or a test run) alive.
    worker.unref();
    const state: Running = { worker, jobs: new Map() };
    const failAll = (error: Error): void => {
      if (running === state) running = null;
      for (const job of state.jobs.values()) job.reject(error);
      state.jobs.clear();
    };
    worker.on('message', (message: LinkWorkerMessage) => {
      const job = state.jobs.get(message.job);
      if (!job) return;
      if (message.type === 'started') return job.started();
      if (message.type === 'progress') return job.progress(message.done);
      state.jobs.delete(message.job);
      if (message.type === 'done') job.resolve(message.compact);
      else job.reject(new Error(message.message));
      settled(state);
    });
    worker.on('error', (error: Error & { code?: string }) =>
      failAll(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new CodedError('link-out-of-memory', `Linking took more than ${String(limits.heapMb)} MB of memory.`) : error),
    );
    worker.on('exit', (code) => failAll(new Error(`The link worker stopped (exit code ${String(code)}).`)));
    return state;
  };

  return {
    link(passages, document, onProgress = () => {}) {
      if (closed) return Promise.reject(new LinkWorkerClosedError());
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      const state = (running ??= start());
      return new Promise((resolve, reject) => {
        const job = nextJob++;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const done = (): void => clearTimeout(timer);
        state.jobs.set(job, {
          resolve: (compact) => {
            done();
            resolve(compact);
          },
          reject: (error) => {
            done();
            reject(error);
          },
          progress: onProgress,
          // The time limit counts from when the worker begins this run, not from when it was queued
          // behind others. Past it this run fails with the limit, and the thread is stopped: the runs
          // it still owed fail as a stopped worker's do.
          started: () => {
            timer = setTimeout(() => {
              if (!state.jobs.delete(job)) return;
              reject(new CodedError('link-timeout', `Linking took more than ${String(limits.timeMs / 1000)} s.`));
              if (running === state) running = null;
              void state.worker.terminate();
            }, limits.timeMs);
          },
        });
        // Only what linking reads of a passage crosses to the worker.
        state.worker.postMessage({ job, passages: passages.map(({ sourceId, kind, text }) => ({ sourceId, kind, text })), document } satisfies LinkRequest);
      });
    },
    close() {
      closed = true;
      // The runs it owed are told apart from a failed worker's, which main would link again itself.
      const state = running;
      for (const job of state?.jobs.values() ?? []) job.reject(new LinkWorkerClosedError());
      state?.jobs.clear();
      return stop();
    },
  };
}
