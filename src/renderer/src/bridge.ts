import type { AtlasApi, AtlasError, Result } from '../../shared/contract';

declare global {
  interface Window {
    /** The bridge the preload (or the test harness) installs. */
    atlas: AtlasApi;
  }
}

/** A call that came back as `{ ok: false }`. */
export class AtlasCallError extends Error {
  readonly code: AtlasError['code'];
  readonly reason: AtlasError['reason'];
  constructor(error: AtlasError) {
    super(error.message);
    this.code = error.code;
    this.reason = error.reason;
  }
}

/** Unwraps a call's result, throwing AtlasCallError for a failure. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new AtlasCallError(result.error);
  return result.value;
}

/** The bridge, or a clear error when the page runs without one. */
export function atlas(): AtlasApi {
  if (!window.atlas) throw new Error('The atlas bridge is missing: open the app through Electron or the test harness.');
  return window.atlas;
}
