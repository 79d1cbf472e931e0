/**
 * Folds text for matching: case, accents and other combining marks removed, so "cote" finds "Côte".
 * Hangul syllables decompose into jamo, so a half-typed syllable matches too. Every search of the
 * app (countries, passages, notes) folds with this one function.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const BEYOND_LATIN1 = /[\u0100-\uffff]/;
/** Characters copied per String.fromCharCode call (well under any engine's argument limit). */
const CHUNK = 8192;

/**
 * The same text, held one byte per character when every character fits in one. A passage cut out
 * of a document that has a single character beyond Latin-1 anywhere (a curly quote, a Hangul name)
 * is otherwise held two bytes per character, like the whole document, and is sent to the window
 * that way: with a 10 MB document imported, the atlas took 60 MB as IPC copies it instead of 48 MB.
 * `String.fromCharCode` makes a fresh string in the compact form when its characters allow it
 * (about 4 ms a megabyte here; `apply` with a plain array is several times faster than spreading).
 */
export function compactText(text: string): string {
  if (BEYOND_LATIN1.test(text)) return text;
  let compact = '';
  for (let from = 0; from < text.length; from += CHUNK) {
    const codes = new Array<number>(Math.min(CHUNK, text.length - from));
    for (let offset = 0; offset < codes.length; offset++) codes[offset] = text.charCodeAt(from + offset);
    // apply, not a spread: spreading the array is several times slower here.
    compact += String.fromCharCode.apply(null, codes);
  }
  return compact;
}
