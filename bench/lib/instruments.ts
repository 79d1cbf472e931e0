// Functions that run inside the page (passed to page.evaluate), so each is self-contained: no
// imports, no closures over this module. They time with performance.now() in the page itself,
// never across the Playwright connection, whose round trips would swamp what is measured.
import type { FrameTiming } from './pages';

export type PageKind = 'app' | 'bare';

/** Waits until the map (the app's through its probe, or the bare page's) has drawn everything. */
export async function mapIdle(kind: PageKind | (string & {})): Promise<void> {
  if (kind === 'app') await window.__atlasProbe?.whenIdle();
  else await window.__bare?.whenIdle();
  // Two frames more: lets React effects and the map's last repaint settle before the next input.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * Arms the measurement of one click that opens the panel of `id` (metric 3): resolves with the
 * click's own timestamp, when the panel element for that country is in the DOM (the JavaScript
 * part: map hit-test, React render and commit, effects) and two animation frames after that (the
 * panel painted). Rejects if the panel does not open within 5 s.
 */
export function armPanelClick(id: string): void {
  const bench = (window.__bench ??= {});
  bench.pending = new Promise<FrameTiming>((resolve, reject) => {
    let clickAt = Number.NaN;
    const selector = `aside.panel[data-country="${CSS.escape(id)}"]`;
    addEventListener('click', (event) => (clickAt = event.timeStamp), { capture: true, once: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the panel of ${id} did not open`));
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
 * Arms the measurement of one keystroke in the search box (metric 6): from the keydown's
 * timestamp to the listbox changing (MutationObserver: the JavaScript part) and on to the end of
 * the frame that shows it. A keystroke that leaves the list as it was (same results) is timed to
 * the end of its handlers and the frame after them, and flagged `changed: false`.
 */
export function armKeystroke(): void {
  const bench = (window.__bench ??= {});
  bench.pending = new Promise<FrameTiming & { changed: boolean }>((resolve, reject) => {
    const list = document.getElementById('country-options');
    if (!list) return reject(new Error('no #country-options listbox'));
    let keyAt = Number.NaN;
    let changedAt = Number.NaN;
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
      if (Number.isNaN(changedAt)) changedAt = performance.now();
      observer.disconnect();
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
          observer.disconnect();
          const changed = !Number.isNaN(changedAt);
          const paintedAt = performance.now();
          const waitForEntry = () => {
            if (Number.isNaN(presentedEnd) && performance.now() - paintedAt < 300) return void setTimeout(waitForEntry, 10);
            presented.disconnect();
            const presentedMs = presentedEnd - keyAt;
            resolve({ clickAt: keyAt, handledAt: changed ? changedAt : inputDoneAt, frameAt, paintedAt, presentedMs, changed });
          };
          waitForEntry();
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
