const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * How far before and after a span the sentence around it is looked for. The sentence segmenter's
 * cost grows faster than the text it is given (a 1 MB paragraph took a minute, 200 kB 19 s), so it
 * is only ever given this much either side: any passage up to twice this long is segmented whole,
 * and a sentence running past the window (a "sentence" of thousands of characters is no sentence to
 * show anyway) ends at its edge.
 */
export const SENTENCE_WINDOW = 2000;

/** The sentence or sentences of `text` that hold `[start, end)`, as a range with its trailing space trimmed. */
export function sentenceAround(text: string, start: number, end: number): { from: number; to: number } {
  const windowFrom = Math.max(0, start - SENTENCE_WINDOW);
  const windowTo = Math.min(text.length, Math.max(start, end) + SENTENCE_WINDOW);
  // The window starts at a word, so the segmenter does not read half a word as a sentence's start.
  const head = windowFrom === 0 ? 0 : nextWordStart(text, windowFrom, start);
  const part = text.slice(head, windowTo);
  let from = head;
  let to = windowTo;
  for (const { index, segment } of segmenter.segment(part)) {
    const segmentStart = head + index;
    const segmentEnd = segmentStart + segment.length;
    if (segmentEnd <= start) from = segmentEnd;
    if (segmentStart >= end) {
      to = segmentStart;
      break;
    }
  }
  while (to > from && /\s/.test(text[to - 1] ?? '')) to -= 1;
  return { from, to };
}

/** The first position at or after `from` (and not past `limit`) that follows whitespace. */
function nextWordStart(text: string, from: number, limit: number): number {
  for (let at = from; at < limit; at += 1) {
    if (/\s/.test(text[at - 1] ?? '')) return at;
  }
  return from;
}

/** The sentence of `text` around the span, trimmed: what a timeline row or an evidence line shows. */
export function sentenceText(text: string, start: number, end: number): string {
  const range = sentenceAround(text, start, end);
  return text.slice(range.from, range.to).trim();
}
