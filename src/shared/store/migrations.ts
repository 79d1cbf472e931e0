/** A step that turns a document of one version into the next; `schemaVersion` is set by the caller. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * One step per version: `migrations[n]` turns a version-n document into version n+1. A new schema
 * version adds its step here together with a fixture test of a real file of the old version
 * (tests/fixtures/store/).
 */
export const migrations: Readonly<Record<number, Migration>> = {
  1: migrateV1ToV2,
  2: migrateV2ToV3,
  3: migrateV3ToV4,
  4: migrateV4ToV5,
};

/**
 * Version 2 adds notes and tier overrides. Version 1 validated loosely (unknown keys were dropped on
 * load), so only the keys version 1 knew are carried over; version 2 is strict.
 */
function migrateV1ToV2(document: Record<string, unknown>): Record<string, unknown> {
  return { schemaVersion: 1, prefs: pickV1Prefs(document['prefs']), notes: [], overrides: [] };
}

/** Version 3 adds the documents the user imports as sources; a version-2 store has none. */
function migrateV2ToV3(document: Record<string, unknown>): Record<string, unknown> {
  return { ...document, sources: [] };
}

/**
 * Version 4 keeps an imported source's text in its own file rather than in the store. A migration
 * cannot write that file, so a version-3 source keeps its text inline, which version 4 still reads,
 * and main moves it out at start (`moveInlineTexts`).
 */
function migrateV3ToV4(document: Record<string, unknown>): Record<string, unknown> {
  return document;
}

/** Version 5 adds the views the user saves by name; a version-4 store has none. */
function migrateV4ToV5(document: Record<string, unknown>): Record<string, unknown> {
  return { ...document, views: [] };
}

function pickV1Prefs(prefs: unknown): unknown {
  if (!isRecord(prefs)) return prefs;
  const picked: Record<string, unknown> = {};
  if (Object.hasOwn(prefs, 'language')) picked['language'] = prefs['language'];
  if (Object.hasOwn(prefs, 'window')) picked['window'] = pickKeys(prefs['window'], ['x', 'y', 'width', 'height', 'maximized']);
  return picked;
}

function pickKeys(value: unknown, keys: readonly string[]): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(keys.filter((key) => Object.hasOwn(value, key)).map((key) => [key, value[key]]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
