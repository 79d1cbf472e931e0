/** How long one slice of work may hold main before other events get their turn, in milliseconds. */
export const SLICE_MS = 16;

/**
 * Runs stepwise work (a generator yielding how much is done, 0 to 1) in slices of about `sliceMs`,
 * letting main answer other calls, deliver events and paint progress between them, so a long
 * import never freezes the app. `onProgress` hears the share done after each slice.
 */
export async function runInSlices<T>(steps: Generator<number, T, void>, onProgress: (done: number) => void = () => {}, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    onProgress(step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  }
}
