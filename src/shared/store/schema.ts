import { z } from 'zod';
import { languageSchema } from '../contract';

/** The version this build writes; older files are migrated on load. */
export const STORE_VERSION = 1;

/** A window's saved bounds, in screen coordinates. */
export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const storedPrefsSchema = z.object({
  language: languageSchema.optional(),
  window: windowStateSchema.optional(),
});
export type StoredPrefs = z.infer<typeof storedPrefsSchema>;

/** The whole store file at the current version. */
export const storeSchema = z.object({
  schemaVersion: z.literal(STORE_VERSION),
  prefs: storedPrefsSchema,
});
export type StoreData = z.infer<typeof storeSchema>;

/** A fresh, empty store. */
export function emptyStore(): StoreData {
  return { schemaVersion: STORE_VERSION, prefs: {} };
}

/** Why a store file could not be used as it is. */
export type StoreProblem =
  | { kind: 'not-json'; message: string }
  | { kind: 'wrong-shape'; message: string }
  | { kind: 'newer-version'; version: number };

export type ParsedStore = { ok: true; data: StoreData; migratedFrom: number | null } | { ok: false; problem: StoreProblem };

/**
 * One step per version: `migrations[n]` turns a version-n document into version n+1. A new schema
 * version adds its step here together with a fixture test of a real file of the old version.
 */
const migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {};

/** Parses, migrates and validates the text of a store file. */
export function parseStore(text: string): ParsedStore {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { kind: 'not-json', message: (error as Error).message } };
  }
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
    if (!step) return { ok: false, problem: { kind: 'wrong-shape', message: `No migration from version ${current}.` } };
    document = { ...step(document), schemaVersion: current + 1 };
  }
  const parsed = storeSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problem: { kind: 'wrong-shape', message: z.prettifyError(parsed.error) } };
  return { ok: true, data: parsed.data, migratedFrom: version === STORE_VERSION ? null : version };
}
