import type { NoteView } from '../../../src/shared/contract';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The text a reader sees in an HTML fragment: tags dropped, the five entities the briefing writes decoded. */
export function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Every start tag of a document, as written. */
export function startTags(html: string): string[] {
  return html.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

/** The inner HTML of the first element matching `open` (a regular expression source for its start tag) up to `close`. */
export function inner(html: string, open: string, close: string): string | null {
  const match = new RegExp(`${open}([\\s\\S]*?)${close}`).exec(html);
  return match?.[1] ?? null;
}

/** Ways a document could load or run something; the briefing must have none, not even as text. */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  // The CSP meta tag's own attribute name is the one allowed use of the letters "http".
  if (/http/i.test(html.replace('<meta http-equiv="Content-Security-Policy"', ''))) found.push('http');
  if (/file:/i.test(html)) found.push('file:');
  if (/url\(/i.test(html)) found.push('url(');
  if (/src=/i.test(html)) found.push('src=');
  if (/\son\w+=/i.test(html)) found.push('on…=');
  return [...found, ...activeTags(html)];
}

/** Elements that could load or run something: script, handlers, sources, links leaving the document. */
export function activeTags(html: string): string[] {
  const found: string[] = [];
  for (const tag of startTags(html)) {
    if (/^<(script|iframe|object|embed|img|link|base|form|input|meta\s+http-equiv="refresh")/i.test(tag)) found.push(tag);
    if (/\son\w+\s*=/i.test(tag)) found.push(`event handler in ${tag}`);
    if (/\s(src|srcset|action|formaction|xlink:href)\s*=/i.test(tag)) found.push(`source in ${tag}`);
    if (/\sstyle\s*=[^>]*url/i.test(tag)) found.push(`style url in ${tag}`);
    const href = /\shref\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
    if (href !== undefined && !href.startsWith('#')) found.push(`link to ${href}`);
  }
  return found;
}

let counter = 0;

/** A note as the store hands it to the briefing. */
export function noteView(
  target: NoteView['note']['target'],
  body: string,
  placement: NoteView['placement'] = target.kind === 'country' ? { kind: 'country' } : { kind: 'attached' },
  extra: Partial<Pick<NoteView['note'], 'tags' | 'pinned' | 'updatedAt'>> = {},
): NoteView {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    note: { id, target, body, tags: [], pinned: false, createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z', ...extra },
    placement,
  };
}
