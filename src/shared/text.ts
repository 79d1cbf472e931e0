/**
 * Folds text for matching: case, accents and other combining marks removed, so "cote" finds "Côte".
 * Hangul syllables decompose into jamo, so a half-typed syllable matches too. Every search of the
 * app (countries, passages, notes) folds with this one function.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
