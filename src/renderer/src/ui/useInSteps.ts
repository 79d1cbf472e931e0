import { useState } from 'react';

/** A long list shown a step at a time: how much of it to render, and what "Show more" adds. */
export interface InSteps {
  /** How many items to render (at most; the list may be shorter). */
  shown: number;
  /** Items not rendered yet. */
  left: number;
  /** How many the next "Show more" adds. */
  next: number;
  /** Shows `next` more. */
  more(): void;
  /** Back to the first items (when the list is filtered anew). */
  reset(): void;
}

/**
 * Renders the first `first` items of a list of `total`, and `step` more per "Show more": what keeps
 * a panel or tab quick when an imported document gives it thousands of items.
 */
export function useInSteps(total: number, first: number, step = first): InSteps {
  const [shown, setShown] = useState(first);
  const left = Math.max(0, total - shown);
  return { shown, left, next: Math.min(step, left), more: () => setShown(shown + step), reset: () => setShown(first) };
}
