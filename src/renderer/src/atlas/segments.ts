import type { Citation } from '../../../shared/atlas';

/** A highlighted span of a passage: the phrase that decided a tier, or one that flags a tension. */
export interface Mark {
  start: number;
  end: number;
  kind: 'evidence' | 'tension';
}

export type Segment = { kind: 'text'; text: string; mark: Mark['kind'] | null } | { kind: 'citation'; label: string };

/**
 * Cuts a passage into runs of plain or highlighted text with its citation markers put back where
 * they stood, so the panel can render it as elements (never as HTML). Overlapping marks: evidence wins.
 */
export function segmentPassage(text: string, marks: readonly Mark[], citations: readonly Citation[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const mark of marks) {
    cuts.add(clamp(mark.start, text.length));
    cuts.add(clamp(mark.end, text.length));
  }
  for (const citation of citations) cuts.add(clamp(citation.offset, text.length));
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  const citationsAt = (offset: number) => citations.filter((citation) => clamp(citation.offset, text.length) === offset);

  for (let i = 0; i < points.length; i++) {
    const start = points[i] ?? 0;
    for (const citation of citationsAt(start)) segments.push({ kind: 'citation', label: citation.label });
    const end = points[i + 1];
    if (end === undefined || end === start) continue;
    const covering = marks.filter((mark) => mark.start <= start && mark.end >= end);
    const mark = covering.some((m) => m.kind === 'evidence') ? 'evidence' : covering.length > 0 ? 'tension' : null;
    const previous = segments.at(-1);
    const piece = text.slice(start, end);
    if (previous?.kind === 'text' && previous.mark === mark) previous.text += piece;
    else segments.push({ kind: 'text', text: piece, mark });
  }
  return segments;
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(max, value));
}
