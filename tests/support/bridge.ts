/** One call through the test bridge, timed, so the bench can tell how much of start-up is IPC. */
export interface BridgeTiming {
  channel: string;
  startedAt: number;
  ms: number;
}

declare global {
  interface Window {
    /** Every call made through the test bridge, in order (the e2e harness and the bench only). */
    __atlasBridgeTimings?: BridgeTiming[];
  }
}

/** What the page needs to rebuild `window.atlas`: the contract's channel names, nothing else. */
export interface BridgeSpec {
  calls: [string, string, string][];
  events: [string, string][];
}

/**
 * Runs in the page before any app script (Playwright `addInitScript`, so it must not use imports):
 * builds `window.atlas` from the contract's channel list, the same shape the preload builds in
 * Electron, on top of the `__atlasInvoke` binding; `__atlasEmit` delivers main → renderer events.
 */
export function installBridge(spec: BridgeSpec): void {
  const target = window as unknown as Record<string, unknown>;
  const timings: BridgeTiming[] = [];
  const invoke = (channel: string, input: unknown) => {
    const startedAt = performance.now();
    const answer = (target['__atlasInvoke'] as (c: string, i: unknown) => Promise<unknown>)(channel, input);
    return answer.finally(() => timings.push({ channel, startedAt, ms: performance.now() - startedAt }));
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};
  for (const [area, verb, channel] of spec.calls) {
    const calls = (api[area] ??= {}) as Record<string, (input?: unknown) => Promise<unknown>>;
    calls[verb] = (input?: unknown) => invoke(channel, input);
  }
  for (const [name, channel] of spec.events) {
    api[name] = (listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }
  Object.defineProperty(window, 'atlas', { value: Object.freeze(api) });
  Object.defineProperty(window, '__atlasBridgeTimings', { value: timings });
  Object.defineProperty(window, '__atlasEmit', {
    value: (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener(payload)),
  });
}
