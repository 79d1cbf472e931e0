import { compareNotes } from './operations';
import type { Note, TierOverride } from '../store/schema';

/** The words the Markdown export writes around the user's own text; main passes translated ones. */
export interface MarkdownLabels {
  title: string;
  note: string;
  pinned: string;
  created: string;
  updated: string;
  tags: string;
  passage: string;
  yourTier: string;
}

/** The English labels, used when the caller passes none. */
export const ENGLISH_MARKDOWN_LABELS: MarkdownLabels = {
  title: 'Notes — Korea Relations Atlas',
  note: 'Note',
  pinned: 'pinned',
  created: 'Created',
  updated: 'updated',
  tags: 'Tags',
  passage: 'On the passage',
  yourTier: 'Your tier',
};

/** How the Markdown export names countries and tiers, and in which language it labels things. */
export interface MarkdownExportOptions {
  /** The display name of a country id, in the language the user reads. */
  countryName: (countryId: string) => string;
  /** Shown in place of a tier id (e.g. its translated name); the id itself when absent. */
  tierName?: (tierId: string) => string;
  labels?: MarkdownLabels;
}

/** One Markdown file of a per-country export. */
export interface MarkdownFile {
  /** A bare, safe file name (`Japan.md`): no folders, unique within the export even case-insensitively. */
  fileName: string;
  text: string;
}

interface CountryGroup {
  countryId: string;
  name: string;
  notes: Note[];
  override: TierOverride | undefined;
}

function groupByCountry(notes: readonly Note[], overrides: readonly TierOverride[], options: MarkdownExportOptions): CountryGroup[] {
  const groups = new Map<string, CountryGroup>();
  const groupFor = (countryId: string): CountryGroup => {
    let group = groups.get(countryId);
    if (!group) {
      group = { countryId, name: options.countryName(countryId) || countryId, notes: [], override: undefined };
      groups.set(countryId, group);
    }
    return group;
  };
  for (const note of notes) groupFor(note.target.countryId).notes.push(note);
  for (const override of overrides) groupFor(override.countryId).override = override;
  return [...groups.values()]
    .map((group) => ({ ...group, notes: group.notes.sort(compareNotes) }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.countryId < b.countryId ? -1 : 1));
}

/** Every country with notes or an override, one Markdown file each, named after the country. */
export function exportMarkdownFiles(notes: readonly Note[], overrides: readonly TierOverride[], options: MarkdownExportOptions): MarkdownFile[] {
  const labels = options.labels ?? ENGLISH_MARKDOWN_LABELS;
  const taken = new Set<string>();
  return groupByCountry(notes, overrides, options).map((group) => ({
    fileName: uniqueFileName(safeFileName(group.name, group.countryId), taken),
    text: `${renderCountry(group, 1, labels, options)}\n`,
  }));
}

/** Every country with notes or an override in one Markdown document. */
export function exportMarkdownDocument(notes: readonly Note[], overrides: readonly TierOverride[], options: MarkdownExportOptions): string {
  const labels = options.labels ?? ENGLISH_MARKDOWN_LABELS;
  const sections = groupByCountry(notes, overrides, options).map((group) => renderCountry(group, 2, labels, options));
  return `# ${labels.title}\n\n${sections.join('\n\n')}\n`;
}

function renderCountry(group: CountryGroup, level: number, labels: MarkdownLabels, options: MarkdownExportOptions): string {
  const heading = '#'.repeat(level);
  const parts = [`${heading} ${inline(group.name)}`];
  if (group.override) {
    const tier = options.tierName?.(group.override.tier) ?? group.override.tier;
    const reason = group.override.reason.trim();
    parts.push(`**${labels.yourTier}:** ${inline(tier)}${reason === '' ? '' : ` — ${inline(reason)}`}`);
  }
  for (const note of group.notes) parts.push(renderNote(note, `${heading}#`, labels));
  return parts.join('\n\n');
}

function renderNote(note: Note, heading: string, labels: MarkdownLabels): string {
  const created = note.createdAt.slice(0, 10);
  const updated = note.updatedAt.slice(0, 10);
  const title = [`${labels.note} ${created}`, updated === created ? null : `${labels.updated} ${updated}`, note.pinned ? labels.pinned : null]
    .filter((part): part is string => part !== null)
    .join(' · ');
  const parts = [`${heading} ${title}`];
  if (note.tags.length > 0) parts.push(`${labels.tags}: ${note.tags.map((tag) => `\`${tag.replace(/`/g, "'")}\``).join(', ')}`);
  if (note.target.kind === 'passage') {
    const quoted = note.target.passageText.split('\n').map((line) => `> ${line}`).join('\n');
    parts.push(`${labels.passage}:\n\n${quoted}`);
  }
  // The body is the user's own Markdown and is kept as written.
  if (note.body.trim() !== '') parts.push(note.body.trimEnd());
  return parts.join('\n\n');
}

/** One line of plain text that cannot start a Markdown block or break a heading. */
function inline(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

const RESERVED_WINDOWS_NAMES = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
/** Leaves room in a 255-byte name limit for a ` (99)` suffix and the extension. */
const MAX_NAME_BYTES = 200;

/**
 * A file name for `name` that is safe on Windows, macOS and Linux: no path separators, reserved
 * characters, control characters or reserved device names, no leading or trailing dots or spaces,
 * at most 200 UTF-8 bytes. Falls back to `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = truncateUtf8(
    name
      .normalize('NFC')
      .replace(/\s+/gu, ' ')
      .replace(/[\p{Cc}\p{Cf}<>:"/\\|?*]/gu, '_')
      .replace(/^[\s.]+|[\s.]+$/gu, ''),
    MAX_NAME_BYTES,
  ).replace(/[\s.]+$/u, '');
  const base = cleaned === '' ? (fallback === '' ? 'notes' : safeFileName(fallback, 'notes')) : cleaned;
  return RESERVED_WINDOWS_NAMES.test(base) ? `_${base}` : base;
}

function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let result = '';
  for (const symbol of text) {
    const codePoint = symbol.codePointAt(0)!;
    const size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    result += symbol;
  }
  return result;
}

/** `base.md`, or `base (2).md` and so on when a file system that ignores case would see a clash. */
function uniqueFileName(base: string, taken: Set<string>): string {
  for (let count = 1; ; count++) {
    const fileName = count === 1 ? `${base}.md` : `${base} (${String(count)}).md`;
    const key = fileName.normalize('NFC').toLowerCase();
    if (!taken.has(key)) {
      taken.add(key);
      return fileName;
    }
  }
}
