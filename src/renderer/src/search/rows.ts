/**
 * How many rows of a long list are rendered with the keystroke that changed it: more than the list
 * shows at once (about 22 country rows in an 800 px window), so what is on screen is complete.
 */
export const FIRST_ROWS = 40;

/**
 * Incremental rendering of a long list: the rows to render now. `current` is the up-to-date list,
 * `deferred` the same list through `useDeferredValue`, which lags behind it during the urgent
 * render of a keystroke. Then only the first `count` rows are rendered (pass at least the active
 * row's position, so the active option is always there for the keyboard and the screen reader);
 * the deferred render that follows brings the rest, unless the next keystroke comes first.
 */
export function firstRows<T>(current: readonly T[], deferred: readonly T[], count = FIRST_ROWS): readonly T[] {
  if (deferred === current || current.length <= count) return current;
  return current.slice(0, count);
}

/** `next` if it differs from `previous` item by item, else `previous` itself (so memoised consumers see no change). */
export function sameOrNext<T>(previous: readonly T[] | undefined, next: T[]): readonly T[] {
  if (previous && previous.length === next.length && previous.every((item, index) => item === next[index])) return previous;
  return next;
}
