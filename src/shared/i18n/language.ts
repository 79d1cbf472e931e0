import { z } from 'zod';

/** Languages the interface is translated into; the store keeps the user's choice in the same terms. */
export const languageSchema = z.enum(['en', 'ko']);
export type Language = z.infer<typeof languageSchema>;
