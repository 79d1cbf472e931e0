/**
 * How long the store's texts may be. Kept apart from the schemas (which need zod) so the window
 * can use them as input limits without loading zod.
 */

/** Longest note body, in UTF-16 code units: a long essay, far from a whole book. */
export const NOTE_BODY_MAX = 100_000;
/** Most tags one note may carry. */
export const NOTE_TAGS_MAX = 20;
/** Longest tag, after normalisation. */
export const TAG_MAX = 50;
/** Longest tier-override reason. */
export const OVERRIDE_REASON_MAX = 2_000;
/** Longest passage text kept with a passage note (a paragraph; generous so no real passage is cut). */
export const PASSAGE_TEXT_MAX = 20_000;

/** Longest source title. */
export const SOURCE_TITLE_MAX = 300;
/** Longest attribution and licence line of a source. */
export const SOURCE_ATTRIBUTION_MAX = 1_000;
/** Longest source text kept, in UTF-16 code units (a 20 MB file never converts to more). */
export const SOURCE_TEXT_MAX = 20 * 1024 * 1024;

/** Longest name of a saved view, after trimming. */
export const VIEW_NAME_MAX = 80;
/** Most saved views kept. */
export const VIEWS_MAX = 200;
