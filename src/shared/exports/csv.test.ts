import { describe, expect, it } from 'vitest';
import { BOM, csvCell, CsvParseError, guardCell, parseCsv, toCsv, unguardCell } from './csv';

describe('toCsv()', () => {
  it('starts with a byte order mark and ends every row with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 1]])).toBe(`${BOM}a,b\r\nc,1\r\n`);
  });

  it('quotes a field with a comma, a quote, a CR or an LF, doubling its quotes', () => {
    expect(csvCell('Seoul, Korea')).toBe('"Seoul, Korea"');
    expect(csvCell('the "enemy"')).toBe('"the ""enemy"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell('대한민국')).toBe('대한민국');
  });

  it('puts an apostrophe before a text cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(guardCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(guardCell('a=b')).toBe('a=b');
    // Numbers are numbers, never guarded.
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('parseCsv()', () => {
  const awkward = ['plain', 'Seoul, Korea', 'the "enemy"', 'line one\r\nline two\nthree', '', '대한민국, "한국"', '=1+1', ' spaced ', '-'];

  it('reads back exactly what toCsv wrote, formula guard dropped with unguardCell', () => {
    const rows = [awkward, [...awkward].reverse(), ['', '', '']];
    const parsed = parseCsv(toCsv(rows)).map((row) => row.map(unguardCell));
    expect(parsed).toEqual(rows);
  });

  it('accepts LF line ends and a missing last line end', () => {
    expect(parseCsv('a,b\nc,"d\ne"')).toEqual([
      ['a', 'b'],
      ['c', 'd\ne'],
    ]);
    expect(parseCsv('a,\n,b')).toEqual([
      ['a', ''],
      ['', 'b'],
    ]);
  });

  it('refuses malformed quoting with the line it is on', () => {
    expect(() => parseCsv('a,b\r\nc"d,e\r\n')).toThrow(CsvParseError);
    expect(() => parseCsv('a,b\r\nc"d,e\r\n')).toThrow(/line 2/);
    expect(() => parseCsv('"open,b\r\n')).toThrow(/never closed/);
    expect(() => parseCsv('"a"b,c')).toThrow(/after a closing quote/);
  });

  it('leaves a cell that only starts with an apostrophe alone', () => {
    expect(unguardCell("'tis")).toBe("'tis");
    expect(unguardCell("'=x")).toBe('=x');
  });
});
