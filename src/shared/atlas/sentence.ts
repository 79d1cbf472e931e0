const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentence or sentences of `text` that hold `[start, end)`, as a range with its trailing space trimmed. */
export function sentenceAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  for (const { index, segment } of segmenter.segment(text)) {
    const segmentEnd = index + segment.length;
    if (segmentEnd <= start) from = segmentEnd;
    if (index >= end && to === text.length) to = index;
  }
  while (to > from && /\s/.test(text[to - 1] ?? '')) to -= 1;
  return { from, to };
}

/** The sentence of `text` around the span, trimmed: what a timeline row or an evidence line shows. */
export function sentenceText(text: string, start: number, end: number): string {
  const range = sentenceAround(text, start, end);
  return text.slice(range.from, range.to).trim();
}
