import type { Citation } from '../atlas';
import { escapeHtml } from '../html';

/** A span of a passage to highlight: a deciding phrase, a tension or a date. */
export interface Highlight {
  start: number;
  end: number;
  kind: 'evidence' | 'tension' | 'date';
}

/** Which highlight wins where two overlap. */
const PRECEDENCE: Record<Highlight['kind'], number> = { evidence: 3, tension: 2, date: 1 };
const TAG: Record<Highlight['kind'], string> = { evidence: 'mark', tension: 'mark class="tension"', date: 'strong class="date"' };
const CLOSE: Record<Highlight['kind'], string> = { evidence: 'mark', tension: 'mark', date: 'strong' };

/**
 * HTML for `text[from, to)`: escaped text with its highlights as elements and the citation markers
 * put back as superscripts at their offsets (one standing right after the range, as after a
 * sentence's full stop, is kept).
 */
export function richText(text: string, highlights: readonly Highlight[], citations: readonly Citation[], from = 0, to = text.length): string {
  const cuts = new Set<number>([from, to]);
  for (const highlight of highlights) {
    if (highlight.end <= from || highlight.start >= to) continue;
    cuts.add(Math.max(from, highlight.start));
    cuts.add(Math.min(to, highlight.end));
  }
  const inRange = citations.filter((citation) => citation.offset >= from && citation.offset <= to);
  for (const citation of inRange) cuts.add(citation.offset);
  const points = [...cuts].sort((a, b) => a - b);

  let html = '';
  // A run of text in one style, written out when the style changes or a marker comes.
  let run = '';
  let runKind: Highlight['kind'] | null = null;
  const flush = () => {
    if (run === '') return;
    html += runKind ? `<${TAG[runKind]}>${run}</${CLOSE[runKind]}>` : run;
    run = '';
  };
  for (const [i, start] of points.entries()) {
    const markers = inRange.filter((citation) => citation.offset === start);
    if (markers.length > 0) {
      flush();
      for (const citation of markers) html += `<sup class="cite">[${escapeHtml(citation.label)}]</sup>`;
    }
    const end = points[i + 1];
    if (end === undefined || end <= start) continue;
    const kind = strongest(highlights, start, end);
    if (kind !== runKind) {
      flush();
      runKind = kind;
    }
    run += escapeHtml(text.slice(start, end));
  }
  flush();
  return html;
}

function strongest(highlights: readonly Highlight[], start: number, end: number): Highlight['kind'] | null {
  let best: Highlight['kind'] | null = null;
  for (const highlight of highlights) {
    if (highlight.start > start || highlight.end < end) continue;
    if (best === null || PRECEDENCE[highlight.kind] > PRECEDENCE[best]) best = highlight.kind;
  }
  return best;
}

export { sentenceAround, sentenceText } from '../atlas/sentence';
