/**
 * CSV as RFC 4180 writes it: fields separated by commas, rows ended by CRLF, a field quoted (its
 * quotes doubled) when it holds a comma, a quote, a CR or an LF. The text starts with a UTF-8 byte
 * order mark so that spreadsheet programs read Korean names as UTF-8.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some
 * treat a leading tab or CR the same way) as a formula. Every such text cell is written with a
 * leading apostrophe (`'=SUM(A1)`), which spreadsheets show as text; a reader of the raw file
 * drops it with {@link unguardCell}. Numbers are written as they are.
 */

export const BOM = '\uFEFF';
const ROW_END = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number;

/** One cell, guarded against formula injection and quoted where it must be. */
export function csvCell(value: CsvCell): string {
  const text = typeof value === 'number' ? String(value) : guardCell(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A text cell a spreadsheet would read as a formula, with an apostrophe in front. */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes {@link guardCell}: the apostrophe the writer put in front of a formula-like cell. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** The whole file: a byte order mark, then each row ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',') + ROW_END).join('');
}

/** Why a text is not CSV, with the line it fails on. */
export class CsvParseError extends Error {
  constructor(message: string, readonly line: number) {
    super(`${message} (line ${String(line)})`);
    this.name = 'CsvParseError';
  }
}

/**
 * Reads RFC 4180 CSV back into rows of strings (a leading byte order mark is skipped; CRLF, LF
 * and a missing last line end are all accepted). A quote inside an unquoted field, text after a
 * closing quote or a quoted field left open is an error. Cells are returned as written: use
 * {@link unguardCell} to drop the formula guard.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = text.startsWith(BOM) ? 1 : 0;
  // Whether the current field has started (so an empty last field of a row is kept).
  let started = false;
  const endField = () => {
    row.push(field);
    field = '';
    started = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    line++;
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      if (started && field !== '') throw new CsvParseError('A quote inside an unquoted field', line);
      // A quoted field: up to the quote not followed by another quote.
      let j = i + 1;
      const quotedLine = line;
      for (;;) {
        if (j >= text.length) throw new CsvParseError('A quoted field is never closed', quotedLine);
        const next = text[j]!;
        if (next === '"') {
          if (text[j + 1] === '"') {
            field += '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        if (next === '\n') line++;
        field += next;
        j++;
      }
      started = true;
      i = j;
      const after = text[i];
      if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n') throw new CsvParseError('Text after a closing quote', line);
      continue;
    }
    if (char === ',') {
      endField();
      started = true;
      i++;
      continue;
    }
    if (char === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
      continue;
    }
    if (char === '\n') {
      endRow();
      i++;
      continue;
    }
    field += char;
    started = true;
    i++;
  }
  if (started || field !== '' || row.length > 0) endRow();
  return rows;
}
