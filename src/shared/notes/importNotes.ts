import { z } from 'zod';
import { CodedError } from '../codedError';
import { noteSchema, STORE_VERSION, timestampSchema, tierOverrideSchema, type Note, type StoreData, type TierOverride } from '../store/schema';
import { parseJsonSafely } from '../store/safeJson';

/** Marks a JSON file as ours, so an unrelated JSON file is refused with a clear reason. */
export const EXPORT_FORMAT = 'korea-relations-atlas/notes';

/**
 * Store versions whose exports can be imported. Versions 3 and 4 changed only imported sources, and
 * version 5 only added saved views, which exports do not carry, so their notes and overrides read
 * exactly as version 2's.
 */
export const NOTES_EXPORT_VERSIONS: readonly number[] = [2, 3, 4, STORE_VERSION];

/** Largest import file accepted, in bytes; checked before the file is read. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** The notes and tier overrides of a store: what export writes and import merges. */
export type NotesData = Pick<StoreData, 'notes' | 'overrides'>;

/** A JSON export file. */
export const notesExportSchema = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    schemaVersion: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(STORE_VERSION)]),
    exportedAt: timestampSchema,
    notes: z.array(noteSchema),
    overrides: z.array(tierOverrideSchema),
  })
  .superRefine((document, context) => {
    const ids = new Set<string>();
    for (const note of document.notes) {
      if (ids.has(note.id)) context.addIssue({ code: 'custom', path: ['notes'], message: `Two notes share the id ${note.id}.` });
      ids.add(note.id);
    }
    const countries = new Set<string>();
    for (const override of document.overrides) {
      if (countries.has(override.countryId)) context.addIssue({ code: 'custom', path: ['overrides'], message: `Two overrides for ${override.countryId}.` });
      countries.add(override.countryId);
    }
  });
export type NotesExport = z.infer<typeof notesExportSchema>;

/** The text of a JSON export of `data`: every note and override, with the schema version. */
export function buildJsonExport(data: NotesData, now: Date): string {
  const document: NotesExport = {
    format: EXPORT_FORMAT,
    schemaVersion: STORE_VERSION,
    exportedAt: now.toISOString(),
    notes: data.notes,
    overrides: data.overrides,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Why an item in the file is not taken although it differs: in every case the current one is kept. */
export type ConflictReason = 'current-is-newer' | 'same-time-different-content' | 'different-target';

/** What an import would do to one kind of item. */
export interface ImportBucket<T> {
  added: T[];
  /** The file's version is newer and will replace the current one. */
  updated: Array<{ current: T; incoming: T }>;
  unchanged: T[];
  conflicts: Array<{ current: T; incoming: T; reason: ConflictReason }>;
}

/** The preview of an import, shown before anything changes; `applyImport` carries it out. */
export interface ImportPlan {
  exportedAt: string;
  notes: ImportBucket<Note>;
  overrides: ImportBucket<TierOverride>;
}

/** What applying a plan changed. */
export interface ImportOutcome {
  notesAdded: number;
  notesUpdated: number;
  overridesAdded: number;
  overridesUpdated: number;
}

/** What an import is checked against besides the file format. */
export interface ImportOptions {
  /** Tier ids a user may choose; an override naming another is refused. Unchecked when absent. */
  tierIds?: readonly string[];
}

/**
 * Parses an export file's text, refusing with a CodedError anything that is not a complete, valid
 * export of this schema version: `too-large`, `not-json`, `forbidden-key`, `wrong-format`,
 * `wrong-schema`, `wrong-version`, `newer-version`, `unknown-tier`.
 */
export function parseNotesExport(text: string, options: ImportOptions = {}): NotesExport {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so this alone proves the file too large.
  if (text.length > IMPORT_MAX_BYTES) throw new CodedError('too-large', `The file is larger than ${String(IMPORT_MAX_BYTES / 1024 / 1024)} MB.`);
  const json = parseJsonSafely(text);
  if (!json.ok) throw new CodedError(json.kind, json.kind === 'not-json' ? `The file is not JSON: ${json.message}` : json.message);
  const document = json.value;
  if (typeof document !== 'object' || document === null || Array.isArray(document) || (document as Record<string, unknown>)['format'] !== EXPORT_FORMAT) {
    throw new CodedError('wrong-format', 'The file is not a Korea Relations Atlas notes export.');
  }
  const version = (document as Record<string, unknown>)['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new CodedError('wrong-schema', 'The file has no valid schemaVersion.');
  if (version > STORE_VERSION) throw new CodedError('newer-version', `The file was written by a newer version of the app (schema ${String(version)}).`);
  // Version 1 had no notes, so no export of it can exist; any other version needs its own migration.
  if (!NOTES_EXPORT_VERSIONS.includes(version)) throw new CodedError('wrong-version', `Schema version ${String(version)} cannot be imported.`);
  const parsed = notesExportSchema.safeParse(document);
  if (!parsed.success) throw new CodedError('wrong-schema', `The file does not match the export format: ${z.prettifyError(parsed.error)}`);
  if (options.tierIds) {
    const known = new Set(options.tierIds);
    const unknown = parsed.data.overrides.find((override) => !known.has(override.tier));
    if (unknown) throw new CodedError('unknown-tier', `The file sets ${unknown.countryId} to the unknown tier ${unknown.tier}.`);
  }
  return parsed.data;
}

/**
 * Works out what importing `fileText` into `current` would do, merging by id (overrides by
 * country): new items are added, a newer `updatedAt` replaces, identical items are unchanged, and
 * anything else is a conflict that keeps the current item. Throws a CodedError for bad input.
 */
export function planImport(current: NotesData, fileText: string, options: ImportOptions = {}): ImportPlan {
  const incoming = parseNotesExport(fileText, options);
  return {
    exportedAt: incoming.exportedAt,
    notes: planBucket(current.notes, incoming.notes, (note) => note.id, sameNote, (a, b) => sameSubject(a.target, b.target)),
    overrides: planBucket(current.overrides, incoming.overrides, (override) => override.countryId, sameOverride, () => true),
  };
}

/**
 * Carries out `plan` on `draft` (inside `store.update`). Each item is decided again against the
 * draft, so a plan made before other edits still never duplicates an item or overwrites a newer
 * one, and applying the same plan twice changes nothing the second time.
 */
export function mergeImport(draft: NotesData, plan: ImportPlan): ImportOutcome {
  const notes = mergeBucket(draft.notes, plan.notes, (note) => note.id, sameNote, (a, b) => sameSubject(a.target, b.target));
  const overrides = mergeBucket(draft.overrides, plan.overrides, (override) => override.countryId, sameOverride, () => true);
  return { notesAdded: notes.added, notesUpdated: notes.updated, overridesAdded: overrides.added, overridesUpdated: overrides.updated };
}

/** Whether applying `plan` would change anything at all. */
export function planChangesSomething(plan: ImportPlan): boolean {
  return plan.notes.added.length + plan.notes.updated.length + plan.overrides.added.length + plan.overrides.updated.length > 0;
}

type Decision = { kind: 'added' } | { kind: 'updated' } | { kind: 'unchanged' } | { kind: 'conflict'; reason: ConflictReason };

function decide<T extends { updatedAt: string }>(
  current: T | undefined,
  incoming: T,
  same: (a: T, b: T) => boolean,
  comparable: (a: T, b: T) => boolean,
): Decision {
  if (current === undefined) return { kind: 'added' };
  if (same(current, incoming)) return { kind: 'unchanged' };
  if (!comparable(current, incoming)) return { kind: 'conflict', reason: 'different-target' };
  if (incoming.updatedAt > current.updatedAt) return { kind: 'updated' };
  if (incoming.updatedAt < current.updatedAt) return { kind: 'conflict', reason: 'current-is-newer' };
  return { kind: 'conflict', reason: 'same-time-different-content' };
}

function planBucket<T extends { updatedAt: string }>(
  current: readonly T[],
  incoming: readonly T[],
  key: (item: T) => string,
  same: (a: T, b: T) => boolean,
  comparable: (a: T, b: T) => boolean,
): ImportBucket<T> {
  const byKey = new Map(current.map((item) => [key(item), item]));
  const bucket: ImportBucket<T> = { added: [], updated: [], unchanged: [], conflicts: [] };
  for (const item of incoming) {
    const existing = byKey.get(key(item));
    const decision = decide(existing, item, same, comparable);
    if (decision.kind === 'added') bucket.added.push(item);
    else if (decision.kind === 'unchanged') bucket.unchanged.push(item);
    else if (decision.kind === 'updated') bucket.updated.push({ current: existing!, incoming: item });
    else bucket.conflicts.push({ current: existing!, incoming: item, reason: decision.reason });
  }
  return bucket;
}

function mergeBucket<T extends { updatedAt: string }>(
  items: T[],
  bucket: ImportBucket<T>,
  key: (item: T) => string,
  same: (a: T, b: T) => boolean,
  comparable: (a: T, b: T) => boolean,
): { added: number; updated: number } {
  const indexByKey = new Map(items.map((item, index) => [key(item), index]));
  let added = 0;
  let updated = 0;
  for (const incoming of [...bucket.added, ...bucket.updated.map((change) => change.incoming)]) {
    const index = indexByKey.get(key(incoming));
    const decision = decide(index === undefined ? undefined : items[index], incoming, same, comparable);
    if (decision.kind === 'added') {
      indexByKey.set(key(incoming), items.length);
      items.push(cloneJson(incoming));
      added++;
    } else if (decision.kind === 'updated' && index !== undefined) {
      items[index] = cloneJson(incoming);
      updated++;
    }
  }
  return { added, updated };
}

/** Copies plain JSON data, so the draft never shares objects with the plan it came from. */
function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Whether two targets are about the same thing; the kept passage text may differ between versions. */
function sameSubject(a: Note['target'], b: Note['target']): boolean {
  if (a.kind === 'country' || b.kind === 'country') return a.kind === b.kind && a.countryId === b.countryId;
  return a.countryId === b.countryId && a.passageId === b.passageId;
}

function sameTarget(a: Note['target'], b: Note['target']): boolean {
  if (a.kind === 'country' || b.kind === 'country') return a.kind === b.kind && a.countryId === b.countryId;
  return a.countryId === b.countryId && a.passageId === b.passageId && a.passageText === b.passageText;
}

function sameNote(a: Note, b: Note): boolean {
  return (
    sameTarget(a.target, b.target) &&
    a.body === b.body &&
    a.pinned === b.pinned &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, index) => tag === b.tags[index])
  );
}

function sameOverride(a: TierOverride, b: TierOverride): boolean {
  return a.tier === b.tier && a.reason === b.reason && a.createdAt === b.createdAt && a.updatedAt === b.updatedAt;
}
