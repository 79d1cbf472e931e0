// What the in-page instruments measure, shared by the page openers, the instruments and the metrics.

/** In-page timestamps (performance.now(), ms since navigation start) of one measured interaction. */
export interface FrameTiming {
  /** The input event's own timestamp. */
  clickAt: number;
  /** When the page's own handlers had run (or the result was in the DOM). */
  handledAt: number;
  /** The animation frame that draws the result. */
  frameAt: number;
  /** After that frame was painted: a task posted from it, or a second animation frame. */
  paintedAt: number;
  /**
   * Input → the next frame presented on screen after its handlers, as the browser's Event Timing
   * API reports it (what INP is built on; 8 ms granularity). NaN when none was reported, which
   * means under 16 ms.
   */
  presentedMs?: number;
}

/** What the long-task watch saw (metric 6's companion: the renderer while notes save). */
export interface LongTaskReport {
  /** Long tasks (over 50 ms) on the renderer's main thread: start (ms since navigation) and duration. */
  tasks: { start: number; duration: number }[];
  /** Long animation frames (Chromium's LoAF) and the scripts that took longest in each, for finding the cause. */
  frames: { start: number; duration: number; blocking: number; scripts: string[] }[];
}
