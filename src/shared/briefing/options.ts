import { z } from 'zod';
import { languageSchema } from '../i18n/language';

/** Paper sizes a briefing can be printed on. */
export const paperSchema = z.enum(['a4', 'letter']);
export type Paper = z.infer<typeof paperSchema>;

/** Passages a briefing prints of a country when they are capped, unless the user chooses another number. */
export const PASSAGE_CAP_DEFAULT = 50;
/** The largest cap the user may choose. */
export const PASSAGE_CAP_MAX = 5000;

/**
 * Which passages a country's briefing prints: every one, or the deciding and most relevant ones up
 * to a cap (deciding passages first, then those about the country, those with more rule findings
 * first, then source order), with a note of how many were left out.
 */
export const briefingPassagesSchema = z.enum(['all', 'deciding-and-most-relevant']);
export type BriefingPassages = z.infer<typeof briefingPassagesSchema>;

/** How to print a briefing: paper, whether the user's notes go in, the language of its labels, and which passages. */
export const briefingOptionsSchema = z.strictObject({
  paper: paperSchema,
  includeNotes: z.boolean(),
  language: languageSchema,
  /** Every passage when left out. */
  passages: briefingPassagesSchema.optional(),
  /** At most this many passages per country when `passages` caps them; {@link PASSAGE_CAP_DEFAULT} when left out. */
  passageCap: z.number().int().min(1).max(PASSAGE_CAP_MAX).optional(),
});
export type BriefingOptions = z.infer<typeof briefingOptionsSchema>;
