import { z } from 'zod';
import type { AtlasView } from './atlas/view';
import type { AtlasSummary, CountryDetail } from './atlas/summary';
import { EVENT_PAGE_MAX, PASSAGE_PAGE_MAX, type EventPage, type EventView, type PassagePage, type PassageView } from './atlas/pages';
import type { SourceSummary, TierChange } from './atlas/diff';
import { briefingOptionsSchema, type BriefingOptions, type Paper } from './briefing/options';
import type { CountrySummary } from './countries';
import { languageSchema, type Language } from './i18n/language';
import type { SourceFormat } from './sources';
import type { CodedErrorCode } from './codedError';
import { newNoteInputSchema, noteFilterSchema, notePatchSchema, type PlacedNote } from './notes/operations';
import { countryIdSchema, noteSchema, OVERRIDE_REASON_MAX, tierIdSchema, type Note, type TierOverride } from './store/schema';
import { importedSourceIdSchema, SOURCE_ATTRIBUTION_MAX, SOURCE_TITLE_MAX } from './store/schema';
import { passageIdSchema } from './store/schema';
import { viewNameSchema, viewStateSchema, type SavedView, type ViewState } from './store/schema';
import { sessionStateSchema, storedThemeSchema, type MapView, type SessionState, type SidebarTab, type ThemePreference } from './store/schema';

export type { SavedView, ViewState };
export type { AtlasView, BriefingOptions, CountrySummary, Language, MapView, Note, Paper, PlacedNote, SessionState, SidebarTab, ThemePreference, TierChange, TierOverride };
export { briefingOptionsSchema, languageSchema };
export type { AtlasSummary, CountryDetail, EventPage, EventView, PassagePage, PassageView };

/** One page of a country's passages (source order), of one source or of those that decide its tier; `around` asks for the page holding that passage. */
export const passagePageQuerySchema = z.strictObject({
  countryId: countryIdSchema,
  sourceId: z.string().min(1).max(100).optional(),
  deciding: z.boolean().optional(),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(PASSAGE_PAGE_MAX),
  around: passageIdSchema.optional(),
});

/** One page of dated events, oldest first: one country's or all of them, within a range of years. */
export const eventPageQuerySchema = z
  .strictObject({
    countryId: countryIdSchema.optional(),
    from: z.number().int().min(0).max(9999).optional(),
    to: z.number().int().min(0).max(9999).optional(),
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(EVENT_PAGE_MAX),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, { message: 'The range must start before it ends.', path: ['to'] });

/** A range of years, inclusive. */
export const yearRangeSchema = z
  .strictObject({ from: z.number().int().min(0).max(9999), to: z.number().int().min(0).max(9999) })
  .refine((range) => range.from <= range.to, { message: 'The range must start before it ends.', path: ['to'] });

/** The colour theme the user chose (`system` follows the OS). */
export const themePreferenceSchema = storedThemeSchema;

/** One data set the app is built from, with the attribution its licence asks for. */
export interface DataSource {
  id: string;
  title: string;
  author: string;
  licence: string;
  /** What the app uses it for, as an i18n key. */
  usageKey: string;
}

/** What Help › About shows. */
export interface AppInfo {
  name: string;
  version: string;
  electronVersion: string | null;
  chromeVersion: string | null;
  platform: string;
  dataSources: DataSource[];
}

/** User preferences the renderer may read, and that main announces when they change. */
export interface Prefs {
  language: Language;
  theme: ThemePreference;
}

/** What the renderer reads at start: the preferences, and where the user left off (null: nothing saved). */
export interface StartupPrefs extends Prefs {
  session: SessionState | null;
}

/** Commands the application menu sends to the renderer. */
export const menuCommandSchema = z.enum([
  'about',
  'focus-search',
  'reset-view',
  'zoom-in',
  'zoom-out',
  'notes',
  'export-notes',
  'import-notes',
  'restore-snapshot',
  'export-briefing',
  'export-atlas',
  'import-source',
  'shortcuts',
  'export-data-csv',
  'export-data-geojson',
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** Error codes every call can answer with. */
export type ErrorCode = 'unknown-channel' | 'forbidden' | 'invalid-input' | 'not-found' | 'failed' | 'internal';

export interface AtlasError {
  code: ErrorCode;
  message: string;
  /** For store failures: what went wrong (disk full, read-only, not JSON…), for a translated message. */
  reason?: CodedErrorCode;
}

/** A note as the renderer shows it: the note and whether its passage still reads the same. */
export type NoteView = PlacedNote;

/** One dated copy of the store the user can go back to. */
export interface SnapshotView {
  name: string;
  kind: 'daily' | 'before-restore';
  takenAt: string;
  bytes: number;
}

/** What an import would change, shown before the user confirms. */
export interface ImportPreview {
  /** Names the plan kept in main until it is applied or another preview replaces it. */
  token: string;
  fileName: string;
  exportedAt: string;
  notes: { added: number; updated: number; unchanged: number; conflicts: number };
  overrides: { added: number; updated: number; unchanged: number; conflicts: number };
  /** The first few notes that would be added or changed, for the preview list. */
  sample: { countryId: string; excerpt: string; change: 'added' | 'updated' }[];
}

/** How to export notes; where to is asked by main's own dialog. */
export const exportFormatSchema = z.enum(['markdown-folder', 'markdown-file', 'json']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/**
 * Where the store is, and what happened at start to a store file that could not be used: one that
 * could not be read was moved aside to `movedTo`; a missing one (next to a backup or snapshot) was
 * replaced from them. Either way the atlas started from `restoredFrom`.
 */
export interface StoreStatus {
  path: string;
  recovery:
    | { reason: 'unreadable'; movedTo: string; restoredFrom: 'backup' | 'snapshot' | 'empty' }
    | { reason: 'missing'; restoredFrom: 'backup' | 'snapshot' | 'empty' }
    | null;
}

/** Where a PDF export stands; `done` of `total` steps, sent as `onExportProgress`. */
export const exportProgressSchema = z.strictObject({
  jobId: z.uuid(),
  phase: z.enum(['preparing', 'printing', 'numbering', 'writing']),
  done: z.number().int().min(0),
  total: z.number().int().min(1),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;

/** How a PDF export ended. The token names the written file for Open and Show in Folder; its path stays in main. */
export type ExportOutcome =
  | { status: 'saved'; token: string; fileName: string; pages: number; bytes: number }
  | { status: 'cancelled' };

/** A source of the atlas as the Sources view lists it. */
export interface SourceView {
  id: string;
  title: string;
  /** Bundled with the app (always on), or imported by the user. */
  origin: 'bundled' | 'imported';
  /** Attribution and licence, one line. */
  attribution: string;
  fileName: string | null;
  importedAt: string | null;
  enabled: boolean;
  passages: number;
  /** How many countries its passages link. */
  countries: number;
  /** An imported source whose text file is gone or unreadable: it links no passages until imported again. */
  textMissing: boolean;
}

/** What importing a document would bring, shown before the user confirms. */
export interface SourcePreview extends SourceSummary {
  /** Names the import kept in main until it is applied, discarded or another preview replaces it. */
  token: string;
  fileName: string;
  format: SourceFormat;
  /** Prefilled from the document; the user may change both. */
  title: string;
  attribution: string;
  /** Countries whose tier the import would change. */
  tierChanges: TierChange[];
  /** The source already imported with the same text, if any: then there is nothing to import. */
  duplicateOf: { id: string; title: string } | null;
  /** Scripts and event handlers an HTML document had; they were left out, never run. */
  removed: { scripts: number; handlers: number };
}

/** What adding, turning on or off, or removing a source did. */
export interface SourceChange {
  source: SourceView;
  tierChanges: TierChange[];
}

/** Largest dropped document sent as bytes; anything bigger is refused before it reaches the import. */
export const DROPPED_DOCUMENT_MAX_BYTES = 40 * 1024 * 1024;

/** Where a document to import comes from: main's open dialog, or a file dropped on the window (its content, never a path). */
export const sourceDocumentSchema = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('dialog'), jobId: z.uuid() }),
  z.strictObject({
    from: z.literal('bytes'),
    jobId: z.uuid(),
    fileName: z.string().min(1).max(255),
    data: z.instanceof(Uint8Array).refine((data) => data.byteLength <= DROPPED_DOCUMENT_MAX_BYTES, 'The document is too large.'),
  }),
]);

/** How far an import has got, sent as `onImportProgress` for the job the renderer named. */
export const importProgressSchema = z.strictObject({
  jobId: z.uuid(),
  phase: z.enum(['reading', 'converting', 'linking', 'comparing', 'saving']),
  /** From 0 to 1 within the phase. */
  done: z.number().min(0).max(1),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

/** The formats File › Export Atlas Data writes. */
export const atlasDataFormatSchema = z.enum(['csv', 'geojson']);
export type AtlasDataFormat = z.infer<typeof atlasDataFormatSchema>;

/** What an atlas data export wrote; the path stays in main. */
export interface AtlasDataExport {
  fileName: string;
  countries: number;
}

/** How a passage is cited: plain text with an excerpt, or a BibTeX entry of its source. */
export const citationFormatSchema = z.enum(['text', 'bibtex']);
export type CitationFormat = z.infer<typeof citationFormatSchema>;

/** Longest passage-search query main accepts, in characters. */
export const SEARCH_QUERY_MAX = 200;
/** Most passage hits one search page may ask for. */
export const SEARCH_PAGE_MAX = 50;

/** A part of a hit's snippet that a query word matched, `start` to `end` (exclusive) in the snippet. */
export interface SnippetRange {
  start: number;
  end: number;
}

/** One passage a search found: what the search list shows of it, with no passage text beyond the snippet. */
export interface PassageSearchHit {
  passageId: string;
  /** The countries the passage is about, partners before South Korea (opened at the first). */
  countryIds: string[];
  sourceId: string;
  sourceTitle: string;
  score: number;
  /** Plain text around the first match (never HTML), with "…" where it is cut. */
  snippet: string;
  ranges: SnippetRange[];
}

/**
 * A page of passage hits, best first. `superseded`: a later search (a higher `seq`) came in before
 * this one ran, so it was skipped and has no hits; the window shows the later one's.
 */
export interface PassageSearchPage {
  seq: number;
  superseded: boolean;
  total: number;
  offset: number;
  hits: PassageSearchHit[];
}

/** A passage search: the words typed, which page, and the window's running number for the keystroke. */
export const passageSearchSchema = z.strictObject({
  query: z.string().max(SEARCH_QUERY_MAX),
  offset: z.number().int().min(0).max(100_000),
  limit: z.number().int().min(1).max(SEARCH_PAGE_MAX),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** The envelope every call resolves to; calls never reject across the bridge. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AtlasError };

interface CallSpec<I extends z.ZodType, O> {
  readonly channel: string;
  readonly input: I;
  /** Phantom: carries the output type; never read at run time. */
  readonly output?: O;
}

interface EventSpec<P extends z.ZodType> {
  readonly channel: string;
  readonly payload: P;
}

function call<O>() {
  return <I extends z.ZodType>(channel: `atlas:${string}/${string}`, input: I): CallSpec<I, O> => ({ channel, input });
}

function event<P extends z.ZodType>(channel: `atlas:${string}/${string}`, payload: P): EventSpec<P> {
  return { channel, payload };
}

const noInput = z.undefined();

/** Every renderer → main call, declared once. */
export const calls = {
  app: {
    info: call<AppInfo>()('atlas:app/info', noInput),
  },
  countries: {
    list: call<CountrySummary[]>()('atlas:countries/list', noInput),
  },
  atlas: {
    /** The atlas in brief (countries, tiers, each one's deciding phrase, counts); the rest is asked for below. */
    get: call<AtlasSummary>()('atlas:atlas/get', noInput),
    /** What a view showing one country needs beyond the summary: evidence lines, sources, countries named beside it. */
    country: call<CountryDetail>()('atlas:atlas/country', z.strictObject({ countryId: countryIdSchema })),
    passages: call<PassagePage>()('atlas:atlas/passages', passagePageQuerySchema),
    events: call<EventPage>()('atlas:atlas/events', eventPageQuerySchema),
    /** Countries with a dated event in a range of years (the timeline fades the others on the map). */
    inYears: call<string[]>()('atlas:atlas/in-years', yearRangeSchema),
  },
  notes: {
    list: call<NoteView[]>()('atlas:notes/list', noteFilterSchema.optional()),
    create: call<Note>()('atlas:notes/create', newNoteInputSchema),
    update: call<Note>()('atlas:notes/update', z.strictObject({ id: z.uuid(), patch: notePatchSchema })),
    remove: call<Note>()('atlas:notes/remove', z.strictObject({ id: z.uuid() })),
    restore: call<Note>()('atlas:notes/restore', z.strictObject({ note: noteSchema })),
    tags: call<{ tag: string; count: number }[]>()('atlas:notes/tags', noInput),
    exportAll: call<{ written: string[] } | null>()('atlas:notes/export', z.strictObject({ format: exportFormatSchema })),
    previewImport: call<ImportPreview | null>()('atlas:notes/preview-import', noInput),
    applyImport: call<{ notesAdded: number; notesUpdated: number; overridesAdded: number; overridesUpdated: number }>()(
      'atlas:notes/apply-import',
      z.strictObject({ token: z.string().min(1).max(100) }),
    ),
  },
  overrides: {
    list: call<TierOverride[]>()('atlas:overrides/list', noInput),
    set: call<TierOverride>()(
      'atlas:overrides/set',
      z.strictObject({ countryId: countryIdSchema, tier: tierIdSchema, reason: z.string().max(OVERRIDE_REASON_MAX) }),
    ),
    clear: call<TierOverride | null>()('atlas:overrides/clear', z.strictObject({ countryId: countryIdSchema })),
  },
  store: {
    status: call<StoreStatus>()('atlas:store/status', noInput),
    snapshots: call<SnapshotView[]>()('atlas:store/snapshots', noInput),
    restoreSnapshot: call<{ notes: number; overrides: number; undo: SnapshotView }>()(
      'atlas:store/restore-snapshot',
      z.strictObject({ name: z.string().min(1).max(200) }),
    ),
  },
  briefing: {
    exportCountry: call<ExportOutcome>()(
      'atlas:briefing/export-country',
      z.strictObject({ jobId: z.uuid(), countryId: countryIdSchema, options: briefingOptionsSchema }),
    ),
    exportAtlas: call<ExportOutcome>()('atlas:briefing/export-atlas', z.strictObject({ jobId: z.uuid(), options: briefingOptionsSchema })),
    /** Two countries side by side, then both briefings; `a` and `b` must differ. */
    exportCompare: call<ExportOutcome>()(
      'atlas:briefing/export-compare',
      z
        .strictObject({ jobId: z.uuid(), a: countryIdSchema, b: countryIdSchema, options: briefingOptionsSchema })
        .refine((input) => input.a !== input.b, { message: 'Compare two different countries.', path: ['b'] }),
    ),
    /** Stops a running export at its next step; false when no such export is running. */
    cancel: call<boolean>()('atlas:briefing/cancel', z.strictObject({ jobId: z.uuid() })),
    openFile: call<null>()('atlas:briefing/open-file', z.strictObject({ token: z.uuid() })),
    showInFolder: call<null>()('atlas:briefing/show-in-folder', z.strictObject({ token: z.uuid() })),
  },
  sources: {
    list: call<SourceView[]>()('atlas:sources/list', noInput),
    /** Reads and links a document without storing it; null when the user cancels the dialog. */
    previewImport: call<SourcePreview | null>()('atlas:sources/preview-import', sourceDocumentSchema),
    applyImport: call<SourceChange>()(
      'atlas:sources/apply-import',
      z.strictObject({
        token: z.uuid(),
        title: z.string().trim().min(1).max(SOURCE_TITLE_MAX),
        attribution: z.string().trim().max(SOURCE_ATTRIBUTION_MAX),
      }),
    ),
    /**
     * Cancels the import of that job: a document being read is dropped at once (its worker thread
     * is stopped), one being linked once that is done; the preview then answers null. False when
     * no import of that job runs.
     */
    cancelImport: call<boolean>()('atlas:sources/cancel-import', z.strictObject({ jobId: z.uuid() })),
    /** Forgets a preview the user cancelled; false when it was no longer kept. */
    discardImport: call<boolean>()('atlas:sources/discard-import', z.strictObject({ token: z.uuid() })),
    setEnabled: call<SourceChange>()('atlas:sources/set-enabled', z.strictObject({ id: importedSourceIdSchema, enabled: z.boolean() })),
    /** Removes an imported source; notes on its passages are kept, and shown detached. */
    remove: call<SourceChange>()('atlas:sources/remove', z.strictObject({ id: importedSourceIdSchema })),
  },
  data: {
    /** Writes every country's tiers, tensions and deciding passage as CSV or GeoJSON where main's save dialog says; null when cancelled. */
    export: call<AtlasDataExport | null>()('atlas:data/export', z.strictObject({ format: atlasDataFormatSchema })),
    /** Puts the citation of a passage on the clipboard, in the interface language, and answers with the text. */
    copyCitation: call<string>()('atlas:data/copy-citation', z.strictObject({ passageId: passageIdSchema, format: citationFormatSchema })),
  },
  views: {
    /** The saved views, in the order they were saved. */
    list: call<SavedView[]>()('atlas:views/list', noInput),
    /** Saves the map's camera and filters under a new name (trimmed, 1–80 characters, unique ignoring case). */
    save: call<SavedView>()('atlas:views/save', z.strictObject({ name: viewNameSchema, state: viewStateSchema })),
    rename: call<SavedView>()('atlas:views/rename', z.strictObject({ id: z.uuid(), name: viewNameSchema })),
    /** Deletes a view and answers with it. */
    remove: call<SavedView>()('atlas:views/remove', z.strictObject({ id: z.uuid() })),
  },
  prefs: {
    get: call<StartupPrefs>()('atlas:prefs/get', noInput),
    setLanguage: call<Prefs>()('atlas:prefs/set-language', z.strictObject({ language: languageSchema })),
    setTheme: call<Prefs>()('atlas:prefs/set-theme', z.strictObject({ theme: themePreferenceSchema })),
    /** Remembers where the user is (map view, open panel, tab), for the next start. */
    setSession: call<boolean>()('atlas:prefs/set-session', sessionStateSchema),
  },
  search: {
    /** Full text of every passage of the atlas's sources, ranked; see PassageSearchPage for `superseded`. */
    passages: call<PassageSearchPage>()('atlas:search/passages', passageSearchSchema),
  },
} as const;

/** Every main → renderer event, declared once. */
export const events = {
  onMenuCommand: event('atlas:menu/command', menuCommandSchema),
  onPrefsChanged: event('atlas:prefs/changed', z.strictObject({ language: languageSchema, theme: themePreferenceSchema })),
  onExportProgress: event('atlas:briefing/progress', exportProgressSchema),
  onImportProgress: event('atlas:sources/progress', importProgressSchema),
  /** The atlas changed (a source was added, turned on or off, or removed): fetch `atlas.get` again. */
  onAtlasChanged: event('atlas:atlas/changed', z.strictObject({ revision: z.number().int().min(1) })),
} as const;

type Calls = typeof calls;
type Events = typeof events;
export type Area = keyof Calls;

type InputOf<S> = S extends CallSpec<infer I, unknown> ? z.input<I> : never;
type ParsedOf<S> = S extends CallSpec<infer I, unknown> ? z.output<I> : never;
type OutputOf<S> = S extends CallSpec<z.ZodType, infer O> ? O : never;
type PayloadOf<S> = S extends EventSpec<infer P> ? z.output<P> : never;

type BridgeCall<S> = undefined extends InputOf<S>
  ? (input?: InputOf<S>) => Promise<Result<OutputOf<S>>>
  : (input: InputOf<S>) => Promise<Result<OutputOf<S>>>;

/** The API the preload exposes as `window.atlas`; a new call does not compile until it is here. */
export type AtlasApi = {
  [A in keyof Calls]: { [V in keyof Calls[A]]: BridgeCall<Calls[A][V]> };
} & {
  [E in keyof Events]: (listener: (payload: PayloadOf<Events[E]>) => void) => () => void;
};

/** The handler table main registers: one function per call, taking the parsed input. */
export type Handlers = {
  [A in keyof Calls]: {
    [V in keyof Calls[A]]: (input: ParsedOf<Calls[A][V]>) => OutputOf<Calls[A][V]> | Promise<OutputOf<Calls[A][V]>>;
  };
};

export type EventPayload<E extends keyof Events> = PayloadOf<Events[E]>;
export type EventName = keyof Events;

/** A flat view of the contract, for transports that only need names. */
export interface ChannelEntry {
  area: string;
  verb: string;
  channel: string;
  input: z.ZodType;
}

/** Lists every call with its area, verb and channel. */
export function listCalls(): ChannelEntry[] {
  return Object.entries(calls).flatMap(([area, verbs]) =>
    Object.entries(verbs).map(([verb, spec]) => ({ area, verb, channel: spec.channel, input: spec.input as z.ZodType })),
  );
}

/** Lists every event with the name the bridge exposes it under. */
export function listEvents(): { name: EventName; channel: string; payload: z.ZodType }[] {
  return (Object.keys(events) as EventName[]).map((name) => ({
    name,
    channel: events[name].channel,
    payload: events[name].payload as z.ZodType,
  }));
}
