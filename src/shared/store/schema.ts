import { z } from 'zod';
import { languageSchema } from '../i18n/language';
import { migrations } from './migrations';
import { parseJsonSafely } from './safeJson';
import { normaliseTag } from './tags';
import { NOTE_BODY_MAX, NOTE_TAGS_MAX, TAG_MAX, OVERRIDE_REASON_MAX, PASSAGE_TEXT_MAX, SOURCE_TITLE_MAX, SOURCE_ATTRIBUTION_MAX, SOURCE_TEXT_MAX } from './limits';
import { VIEW_NAME_MAX, VIEWS_MAX } from './limits';

export { NOTE_BODY_MAX, NOTE_TAGS_MAX, TAG_MAX, OVERRIDE_REASON_MAX, PASSAGE_TEXT_MAX, SOURCE_TITLE_MAX, SOURCE_ATTRIBUTION_MAX, SOURCE_TEXT_MAX } from './limits';
export { VIEW_NAME_MAX, VIEWS_MAX } from './limits';

/** The version this build writes; older files are migrated on load. */
export const STORE_VERSION = 5;

/** A window's saved bounds, in screen coordinates. */
export const windowStateSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** A country id as the atlas has them: ISO 3166-1 alpha-3, or an `x-` slug for other areas. */
export const countryIdSchema = z.string().regex(/^(?:[A-Z]{3}|x-[a-z0-9-]{1,64})$/, 'Not a country id.');

/** The colour theme the user chose: the OS's, or always light, or always dark. */
export const storedThemeSchema = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof storedThemeSchema>;

/** The sidebar tabs, as a session remembers them. */
export const sidebarTabSchema = z.enum(['countries', 'timeline', 'notes', 'sources', 'views']);
export type SidebarTab = z.infer<typeof sidebarTabSchema>;

/** A map camera: centre (longitude, latitude) and zoom, within what the map allows. */
export const mapViewSchema = z.strictObject({
  center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  zoom: z.number().min(0).max(24),
});
export type MapView = z.infer<typeof mapViewSchema>;

/**
 * Where the user left off, restored at the next start: the map's view, the country whose panel
 * was open (null: none) and the sidebar tab.
 */
export const sessionStateSchema = z.strictObject({
  view: mapViewSchema.optional(),
  selected: countryIdSchema.nullable().optional(),
  tab: sidebarTabSchema.optional(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** Preferences as the store keeps them. */
export const storedPrefsSchema = z.strictObject({
  language: languageSchema.optional(),
  window: windowStateSchema.optional(),
  theme: storedThemeSchema.optional(),
  session: sessionStateSchema.optional(),
});
export type StoredPrefs = z.infer<typeof storedPrefsSchema>;

/** A passage id as the atlas makes them (a hash, maybe with a duplicate suffix). */
export const passageIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'Not a passage id.');

/** A UTC timestamp as `Date.prototype.toISOString` writes it. */
export const timestampSchema = z.iso.datetime();

/** A tag as stored: already normalised, so filtering by tag is a plain comparison. */
export const tagSchema = z
  .string()
  .min(1)
  .max(TAG_MAX)
  .refine((tag) => tag === normaliseTag(tag), 'Tag is not normalised.');

/** What a note is about: a whole country, or one passage as it read when the note was written. */
export const noteTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('country'), countryId: countryIdSchema }),
  z.strictObject({
    kind: z.literal('passage'),
    countryId: countryIdSchema,
    passageId: passageIdSchema,
    // Kept so a note whose passage later changes or disappears can still show what it was about.
    passageText: z.string().max(PASSAGE_TEXT_MAX),
  }),
]);
export type NoteTarget = z.infer<typeof noteTargetSchema>;

/** One personal note. */
export const noteSchema = z.strictObject({
  id: z.uuid(),
  target: noteTargetSchema,
  /** Markdown, rendered only through the sanitiser. */
  body: z.string().max(NOTE_BODY_MAX),
  tags: z
    .array(tagSchema)
    .max(NOTE_TAGS_MAX)
    .refine((tags) => new Set(tags).size === tags.length, 'Tags repeat.'),
  pinned: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Note = z.infer<typeof noteSchema>;

/** A tier id: lower-case words joined by hyphens; which ids exist is checked against the atlas. */
export const tierIdSchema = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'Not a tier id.').max(64);

/** The user's own tier for a country, shown next to (never instead of) the source tier. */
export const tierOverrideSchema = z.strictObject({
  countryId: countryIdSchema,
  tier: tierIdSchema,
  reason: z.string().max(OVERRIDE_REASON_MAX),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type TierOverride = z.infer<typeof tierOverrideSchema>;

/** An imported source's id: derived from its content hash, so the same text always gets the same passage ids. */
export const importedSourceIdSchema = z.string().regex(/^imported-[0-9a-f]{16}$/, 'Not an imported source id.');

/**
 * A document the user imported as a source. Its converted text is kept, so the atlas is rebuilt
 * offline; `hash` is the SHA-256 of that text, by which a second import of the same document is
 * recognised. Since version 4 the text lives in its own file next to the store, named by that
 * hash, so saving a note does not rewrite megabytes of imported text.
 */
export const importedSourceSchema = z.strictObject({
  id: importedSourceIdSchema,
  title: z.string().min(1).max(SOURCE_TITLE_MAX),
  fileName: z.string().min(1).max(255),
  importedAt: timestampSchema,
  attribution: z.string().max(SOURCE_ATTRIBUTION_MAX),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 hash.'),
  enabled: z.boolean(),
  /**
   * Only in a source carried over from version 3, until main moves the text to its own file at the
   * next start (a migration cannot write files); every source imported since has none.
   */
  text: z.string().min(1).max(SOURCE_TEXT_MAX).optional(),
});
export type ImportedSource = z.infer<typeof importedSourceSchema>;

/** A saved view's name: trimmed, 1 to VIEW_NAME_MAX characters. */
export const viewNameSchema = z.string().trim().min(1, 'A view needs a name.').max(VIEW_NAME_MAX, `A view's name has at most ${String(VIEW_NAME_MAX)} characters.`);

/** Two view names are the same name when they differ only in case or Unicode form. */
export function viewNameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('und');
}

/** What a saved view brings back: the map's camera and the filters over it. */
export const viewStateSchema = z.strictObject({
  camera: mapViewSchema,
  /** The legend's tier filter (only that tier's countries shown), or none. */
  tier: tierIdSchema.nullable(),
  /** The organisation whose members the map highlights, or none. */
  organisation: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Not an organisation id.').max(64).nullable(),
  /** The timeline's year range, first and last year. */
  years: z
    .tuple([z.number().int().min(-10_000).max(10_000), z.number().int().min(-10_000).max(10_000)])
    .refine(([from, to]) => from <= to, 'The first year comes after the last.'),
});
export type ViewState = z.infer<typeof viewStateSchema>;

/** A view the user saved under a name, listed in the sidebar's Views tab. */
export const savedViewSchema = z.strictObject({
  id: z.uuid(),
  name: viewNameSchema,
  state: viewStateSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** The first reason a list of views would not load: a shared id, a shared name, too many. */
export function viewsProblem(views: readonly Pick<SavedView, 'id' | 'name'>[]): string | null {
  if (views.length > VIEWS_MAX) return `More than ${String(VIEWS_MAX)} saved views.`;
  const id = firstDuplicate(views.map((view) => view.id));
  if (id !== null) return `Two views share the id ${id}.`;
  const name = firstDuplicate(views.map((view) => viewNameKey(view.name)));
  if (name !== null) return `Two views share the name ${name}.`;
  return null;
}

/** The whole store file at the current version. */
export const storeSchema = z
  .strictObject({
    schemaVersion: z.literal(STORE_VERSION),
    prefs: storedPrefsSchema,
    notes: z.array(noteSchema),
    overrides: z.array(tierOverrideSchema),
    sources: z.array(importedSourceSchema),
    views: z.array(savedViewSchema),
  })
  .superRefine((store, context) => {
    const views = viewsProblem(store.views);
    if (views !== null) context.addIssue({ code: 'custom', path: ['views'], message: views });
    const duplicateNote = firstDuplicate(store.notes.map((note) => note.id));
    if (duplicateNote !== null) context.addIssue({ code: 'custom', path: ['notes'], message: `Two notes share the id ${duplicateNote}.` });
    const duplicateOverride = firstDuplicate(store.overrides.map((override) => override.countryId));
    if (duplicateOverride !== null) context.addIssue({ code: 'custom', path: ['overrides'], message: `Two overrides for ${duplicateOverride}.` });
    const duplicateSource = firstDuplicate(store.sources.map((source) => source.id)) ?? firstDuplicate(store.sources.map((source) => source.hash));
    if (duplicateSource !== null) context.addIssue({ code: 'custom', path: ['sources'], message: `Two sources share ${duplicateSource}.` });
  });
export type StoreData = z.infer<typeof storeSchema>;

/** The first value that occurs twice, or null. */
export function firstDuplicate(values: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return null;
}

/** A fresh, empty store. */
export function emptyStore(): StoreData {
  return { schemaVersion: STORE_VERSION, prefs: {}, notes: [], overrides: [], sources: [], views: [] };
}

/** Why a store file could not be used as it is. */
export type StoreProblem =
  | { kind: 'not-json'; message: string }
  | { kind: 'wrong-shape'; message: string }
  | { kind: 'newer-version'; version: number };

/** The outcome of reading a store file's text. */
export type ParsedStore = { ok: true; data: StoreData; migratedFrom: number | null } | { ok: false; problem: StoreProblem };

/** Parses, migrates and validates the text of a store file. */
export function parseStore(text: string): ParsedStore {
  const json = parseJsonSafely(text);
  if (!json.ok) return { ok: false, problem: { kind: json.kind === 'not-json' ? 'not-json' : 'wrong-shape', message: json.message } };
  return parseStoreDocument(json.value);
}

/** Migrates and validates an already parsed store document (one that passed `parseJsonSafely`). */
export function parseStoreDocument(raw: unknown): ParsedStore {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: { kind: 'wrong-shape', message: 'The file does not hold an object.' } };
  }
  let document = raw as Record<string, unknown>;
  const version = document['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: { kind: 'wrong-shape', message: 'The file has no valid schemaVersion.' } };
  }
  if (version > STORE_VERSION) return { ok: false, problem: { kind: 'newer-version', version } };
  for (let current = version; current < STORE_VERSION; current++) {
    const step = migrations[current];
    if (!step) return { ok: false, problem: { kind: 'wrong-shape', message: `No migration from version ${String(current)}.` } };
    document = { ...step(document), schemaVersion: current + 1 };
  }
  const parsed = storeSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problem: { kind: 'wrong-shape', message: z.prettifyError(parsed.error) } };
  return { ok: true, data: parsed.data, migratedFrom: version === STORE_VERSION ? null : version };
}
