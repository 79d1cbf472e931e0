// Functions that run inside the page (passed to page.evaluate), so each is self-contained: no
// imports, no closures over this module. They time with performance.now() in the page itself,
// never across the Playwright connection, whose round trips would swamp what is measured.
import type { FrameTiming, LongTaskReport } from './timings';

export type PageKind = 'app' | 'bare';

/** Waits until the map (the app's through its probe, or the bare page's) has drawn everything. */
export async function mapIdle(kind: PageKind | (string & {})): Promise<void> {
  if (kind === 'app') await window.__atlasProbe?.whenIdle();
  else await window.__bare?.whenIdle();
  // Two frames more: lets React effects and the map's last repaint settle before the next input.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * Arms the measurement of one click that brings `selector` into the DOM (metric 3: the panel of a
 * country, `aside.panel[data-country="JPN"]`): resolves with the click's own timestamp, when the
 * element is in the DOM (the JavaScript part: map hit-test, React render and commit, effects) and
 * two animation frames after that (painted). Rejects if it does not appear within 5 s.
 */
export function armClickShows(selector: string): void {
  const bench = (window.__bench ??= {});
  bench.pending = new Promise<FrameTiming>((resolve, reject) => {
    let clickAt = Number.NaN;
    addEventListener('click', (event) => (clickAt = event.timeStamp), { capture: true, once: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${selector} did not appear after the click`));
    }, 5000);
    // The browser's own account of when the frame after the click reached the screen.
    let presentedMs = Number.NaN;
    const presented = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'click' && Math.abs(entry.startTime - clickAt) < 1) presentedMs = entry.duration;
    });
    // durationThreshold (Event Timing's option) is not in TypeScript's DOM types yet, hence the variable.
    const eventTiming = { type: 'event', durationThreshold: 16 };
    presented.observe(eventTiming);
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      clearTimeout(timer);
      const handledAt = performance.now();
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        requestAnimationFrame(() => {
          const paintedAt = performance.now();
          // Event Timing entries arrive a little after the presentation; none at all means < 16 ms.
          const waitForEntry = () => {
            if (Number.isNaN(presentedMs) && performance.now() - paintedAt < 300) return void setTimeout(waitForEntry, 10);
            presented.disconnect();
            resolve({ clickAt, handledAt, frameAt, paintedAt, presentedMs });
          };
          waitForEntry();
        });
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-country'] });
  });
}

/**
 * Arms the measurement of one legend click in the app (metric 4). The app applies the filter as
 * feature-state, which MapLibre draws in the very next frame, so the change is on screen at the end
 * of the first frame after the state is set: the animation frame after the click's handlers, then
 * a message posted from it (it runs after that frame's paint). `sampleId` is a country whose
 * `dimmed` state this change flips; it confirms the state was set before the frame is awaited.
 */
export function armAppRecolour(spec: { sampleId: string; expectDimmed: boolean }): void {
  const bench = (window.__bench ??= {});
  bench.pending = new Promise<FrameTiming>((resolve, reject) => {
    let clickAt = Number.NaN;
    addEventListener('click', (event) => (clickAt = event.timeStamp), { capture: true, once: true });
    addEventListener(
      'click',
      () => {
        const probe = window.__atlasProbe;
        if (!probe) return reject(new Error('no probe'));
        const applied = () => Boolean(probe.featureState(spec.sampleId)['dimmed']) === spec.expectDimmed;
        const started = performance.now();
        const afterFrame = (handledAt: number) =>
          requestAnimationFrame(() => {
            const frameAt = performance.now();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ clickAt, handledAt, frameAt, paintedAt: performance.now() });
            channel.port2.postMessage(null);
          });
        // Normally applied already (React flushes a click's effects before the event ends); if the
        // app ever defers it, wait for it rather than time a frame that does not show the change.
        const check = () => {
          if (applied()) afterFrame(performance.now());
          else if (performance.now() - started > 5000) reject(new Error(`the filter never reached ${spec.sampleId}`));
          else setTimeout(check, 0);
        };
        check();
      },
      { once: true },
    );
  });
}

/** Arms the bare page's recolour: setPaintProperty with a match over the ids to dim. */
export function armBareRecolour(dimmed: string[]): void {
  const bench = (window.__bench ??= {});
  const bare = window.__bare;
  if (!bare) throw new Error('no bare page');
  bench.pending = bare.armRecolour(dimmed);
}

/**
 * Arms the measurement of one keystroke in a search box (metric 6): from the keydown's timestamp
 * to the results (`resultsSelector`: the listbox, or the notes view) changing (MutationObserver:
 * the JavaScript part) and on to the end of the frame that shows it. A keystroke that leaves the
 * results as they were is timed to the end of its handlers and the frame after them, and flagged
 * `changed: false`. `settledAt` is the end of the frame that shows the results' last change, once
 * two frames have passed without another: an app that renders a long list in steps (the first rows
 * with the keystroke, the rest deferred) is complete then.
 */
export function armKeystroke(resultsSelector: string): void {
  const bench = (window.__bench ??= {});
  bench.pending = new Promise<FrameTiming & { changed: boolean; settledAt: number }>((resolve, reject) => {
    const list = document.querySelector(resultsSelector);
    if (!list) return reject(new Error(`no ${resultsSelector}`));
    let keyAt = Number.NaN;
    let changedAt = Number.NaN;
    let lastChangeAt = Number.NaN;
    let inputDoneAt = Number.NaN;
    let framed = false;
    // Event Timing: the latest presentation after any of this keystroke's events (INP's view).
    let presentedEnd = Number.NaN;
    const presented = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!['keydown', 'keypress', 'beforeinput', 'input'].includes(entry.name) || entry.startTime < keyAt - 0.5) continue;
        presentedEnd = Math.max(Number.isNaN(presentedEnd) ? 0 : presentedEnd, entry.startTime + entry.duration);
      }
    });
    // durationThreshold (Event Timing's option) is not in TypeScript's DOM types yet, hence the variable.
    const eventTiming = { type: 'event', durationThreshold: 16 };
    presented.observe(eventTiming);
    addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      lastChangeAt = performance.now();
      if (Number.isNaN(changedAt)) changedAt = lastChangeAt;
      frame();
    });
    observer.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
    function frame(): void {
      if (framed) return;
      framed = true;
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const changed = !Number.isNaN(changedAt);
          const paintedAt = performance.now();
          let settledAt = paintedAt;
          let quiet = 0;
          const waitForEntry = () => {
            if (Number.isNaN(presentedEnd) && performance.now() - paintedAt < 300) return void setTimeout(waitForEntry, 10);
            presented.disconnect();
            const presentedMs = presentedEnd - keyAt;
            resolve({ clickAt: keyAt, handledAt: changed ? changedAt : inputDoneAt, frameAt, paintedAt, presentedMs, changed, settledAt });
          };
          // Frame by frame until two pass with no further change to the results.
          const settle = () =>
            requestAnimationFrame(() => {
              const next = new MessageChannel();
              next.port1.onmessage = () => {
                const end = performance.now();
                if (lastChangeAt > settledAt) {
                  settledAt = end;
                  quiet = 0;
                } else quiet++;
                if (quiet < 2 && end - paintedAt < 2000) return settle();
                observer.disconnect();
                waitForEntry();
              };
              next.port2.postMessage(null);
            });
          settle();
        };
        channel.port2.postMessage(null);
      });
    }
    // The app renders a keystroke's results within the input event (this listener on window runs
    // after React's on the root); if the list has not changed by then, the keystroke re-rendered
    // it as it was, and is timed to the first frame after its handlers.
    addEventListener(
      'input',
      () => {
        inputDoneAt = performance.now();
        setTimeout(frame, 0);
      },
      { once: true },
    );
    setTimeout(() => reject(new Error('no input event within 5 s')), 5000);
  });
}

/** Collects what an armed measurement resolved with (rejects after `timeout` ms). */
export async function collect(timeout: number): Promise<unknown> {
  const pending = window.__bench?.pending;
  if (!pending) throw new Error('nothing armed');
  const timer = new Promise((_, reject) => setTimeout(() => reject(new Error(`no result within ${timeout} ms`)), timeout));
  return Promise.race([pending, timer]);
}

/** Starts recording every animation frame's time and the map's view (metric 5). */
export function startFrames(kind: PageKind | (string & {})): void {
  const bench = (window.__bench ??= {});
  const frames = { times: [] as number[], views: [] as string[], running: true };
  bench.frames = frames;
  const view = () => (kind === 'app' ? window.__atlasProbe?.view() : window.__bare?.view());
  function step(time: number): void {
    if (!frames.running) return;
    const current = view();
    frames.times.push(time);
    frames.views.push(current ? `${current.center[0].toFixed(5)},${current.center[1].toFixed(5)},${current.zoom.toFixed(5)}` : '');
    requestAnimationFrame(step);
  }
  requestAnimationFrame(step);
}

/** Waits for a flight to start and end (map idle again), stops recording, returns the frames. */
export async function finishFlight(kind: PageKind | (string & {})): Promise<{ times: number[]; views: string[] }> {
  const frames = window.__bench?.frames;
  if (!frames) throw new Error('frames not recording');
  const started = performance.now();
  const first = frames.views[frames.views.length - 1];
  // The flight starts within the input's task; give it a few frames to show in the view.
  while (frames.views[frames.views.length - 1] === first && performance.now() - started < 2000) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  if (kind === 'app') await window.__atlasProbe?.whenIdle();
  else await window.__bare?.whenIdle();
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  frames.running = false;
  return { times: frames.times, views: frames.views };
}

/** Starts recording long tasks and long animation frames from now on. */
export function startLongTasks(): void {
  const bench = (window.__bench ??= {});
  const report: LongTaskReport = { tasks: [], frames: [] };
  const observers: PerformanceObserver[] = [];
  const tasks = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) report.tasks.push({ start: entry.startTime, duration: entry.duration });
  });
  tasks.observe({ type: 'longtask' });
  observers.push(tasks);
  try {
    // Not in TypeScript's DOM types yet: the fields used here, by name.
    type Script = { invoker?: string; sourceFunctionName?: string; sourceURL?: string; duration: number };
    const frames = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { blockingDuration?: number; scripts?: Script[] })[]) {
        const scripts = [...(entry.scripts ?? [])]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map((script) => `${script.invoker ?? ''} ${script.sourceFunctionName ?? ''} ${(script.sourceURL ?? '').split('/').pop() ?? ''} ${Math.round(script.duration)} ms`.trim());
        report.frames.push({ start: entry.startTime, duration: entry.duration, blocking: entry.blockingDuration ?? 0, scripts });
      }
    });
    frames.observe({ type: 'long-animation-frame' });
    observers.push(frames);
  } catch {
    // No long-animation-frame timing in this browser: the tasks alone are reported.
  }
  bench.longTaskWatch = { report, observers };
}

/** Stops the long-task watch and returns what it saw. */
export async function stopLongTasks(): Promise<LongTaskReport> {
  const watch = window.__bench?.longTaskWatch;
  if (!watch) throw new Error('no long-task watch');
  // Entries are reported a little after their task ends: let the last ones in.
  await new Promise((resolve) => setTimeout(resolve, 250));
  for (const observer of watch.observers) observer.disconnect();
  return watch.report;
}

/**
 * Resolves once the note editor's save state (`selector`, a `data-state` attribute) has gone
 * through a pending state to `saved`: watched in the page with one MutationObserver, so the wait
 * adds no work of its own to the frames it waits through (a Playwright locator would query the
 * page again and again).
 */
export function waitForSaved(spec: { selector: string; timeout: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const state = () => document.querySelector(spec.selector)?.getAttribute('data-state');
    let pendingSeen = state() !== 'saved';
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${spec.selector} not saved within ${spec.timeout} ms`));
    }, spec.timeout);
    function check(): void {
      if (state() !== 'saved') pendingSeen = true;
      else if (pendingSeen) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
    }
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    check();
  });
}
