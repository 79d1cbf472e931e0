/**
 * The one spelling a tag is stored and compared in: NFC, lower case, no leading `#`, single spaces,
 * trimmed. `#Trade ` and `trade` are the same tag.
 */
export function normaliseTag(raw: string): string {
  // Composed again after lower-casing, which can decompose (İ → i + combining dot), so that
  // normalising a normalised tag never changes it.
  return raw
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFC')
    .replace(/^[\s#]+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}
