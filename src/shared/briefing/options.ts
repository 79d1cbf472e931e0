import { z } from 'zod';
import { languageSchema } from '../i18n/language';

/** Paper sizes a briefing can be printed on. */
export const paperSchema = z.enum(['a4', 'letter']);
export type Paper = z.infer<typeof paperSchema>;

/** How to print a briefing: paper, whether the user's notes go in, and the language of its labels. */
export const briefingOptionsSchema = z.strictObject({
  paper: paperSchema,
  includeNotes: z.boolean(),
  language: languageSchema,
});
export type BriefingOptions = z.infer<typeof briefingOptionsSchema>;
