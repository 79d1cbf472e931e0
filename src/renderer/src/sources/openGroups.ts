/**
 * How many passages a source's group lists at first, and how many more each "Show more" adds, each
 * page fetched from main: a large imported document can link thousands of passages to one country,
 * which the window never holds all at once.
 */
export const PASSAGE_STEP = 50;

/**
 * Passages the groups open with at most, all sources together: the groups are opened in source
 * order while they fit (the first always), and the rest show their title and count until asked. So
 * a panel costs the same with fifty imported documents as with one.
 */
export const OPEN_BUDGET = 2 * PASSAGE_STEP;

/** The sources whose groups open at first: in order, while their passages fit in {@link OPEN_BUDGET}. */
export function openAtFirst(groups: readonly { sourceId: string; count: number }[], budget = OPEN_BUDGET): Set<string> {
  const open = new Set<string>();
  let listed = 0;
  for (const { sourceId, count } of groups) {
    const shown = Math.min(count, PASSAGE_STEP);
    if (open.size > 0 && listed + shown > budget) break;
    open.add(sourceId);
    listed += shown;
  }
  return open;
}
