import { describe, expect, it } from 'vitest';
import { textWithCitations } from './atlasData';
import { bibtexCitation, bibtexKey, escapeBibtex, excerptOf, plainCitation, type CitedSource } from './citation';

const labels = { imported: (date: string, file: string) => `imported ${date} from ${file}`, cited: (date: string) => `cited ${date}` };
const cited = new Date('2026-03-04T10:00:00Z');
const wikipedia: CitedSource = { id: 'wikipedia-foreign-relations-of-south-korea', title: 'Foreign relations of South Korea', author: 'Wikipedia contributors', licence: 'CC BY-SA 4.0' };

describe('textWithCitations()', () => {
  it('puts each marker back where it stood, several at one place in order', () => {
    expect(textWithCitations('Allies. Friends.', [{ label: '1', offset: 7 }, { label: '2', offset: 7 }, { label: 'a', offset: 16 }])).toBe('Allies.[1][2] Friends.[a]');
    expect(textWithCitations('No markers.', [])).toBe('No markers.');
  });
});

describe('plainCitation()', () => {
  it('quotes the passage with its markers and names the title, author, licence and day', () => {
    expect(plainCitation(wikipedia, { text: 'A treaty was signed.', citations: [{ label: '12', offset: 20 }] }, cited, labels)).toBe(
      '"A treaty was signed.[12]"\n— "Foreign relations of South Korea", Wikipedia contributors, CC BY-SA 4.0, cited 2026-03-04.',
    );
  });

  it('cites an imported document by its own title and attribution, with the import day and file', () => {
    const source: CitedSource = { id: 'imported-0123456789abcdef', title: '한일 관계 보고서', author: 'Ministry report, 2024', licence: '', imported: { at: '2026-01-02T03:04:05.000Z', fileName: 'report.html' } };
    expect(plainCitation(source, { text: '양국은 협력했다.', citations: [] }, cited, labels)).toBe(
      '"양국은 협력했다."\n— "한일 관계 보고서", Ministry report, 2024, imported 2026-01-02 from report.html, cited 2026-03-04.',
    );
  });

  it('cuts a long passage at a word with an ellipsis', () => {
    const long = `${'word '.repeat(200)}end`;
    const excerpt = excerptOf(long, [], 50);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt).toMatch(/^word( word)*…$/);
  });
});

describe('bibtexCitation()', () => {
  it('writes a @misc entry with a stable key and the corporate author braced', () => {
    const entry = bibtexCitation(wikipedia, cited);
    expect(entry).toBe(
      '@misc{atlas:wikipedia-foreign-relations-of-south-korea,\n' +
        '  title = {Foreign relations of South Korea},\n' +
        '  author = {{Wikipedia contributors}},\n' +
        '  note = {Licence: CC BY-SA 4.0. Cited 2026-03-04}\n' +
        '}\n',
    );
    expect(bibtexCitation(wikipedia, new Date('2030-01-01T00:00:00Z')).split('\n')[0]).toBe(entry.split('\n')[0]);
  });

  it('escapes every BibTeX special character, so no brace can close the field early', () => {
    expect(escapeBibtex('50% of R&D_costs: $5 #1 {x} a^b ~c \\d')).toBe(
      '50\\% of R\\&D\\_costs: \\$5 \\#1 \\{x\\} a\\textasciicircum{}b \\textasciitilde{}c \\textbackslash{}d',
    );
    expect(escapeBibtex('line\none')).toBe('line one');
    const entry = bibtexCitation({ ...wikipedia, id: 'imported-0123456789abcdef', title: 'Evil} @misc{x, title={y', author: '', licence: '', imported: { at: '2026-01-02T00:00:00.000Z', fileName: 'a_b.txt' } }, cited);
    expect(entry).toContain('title = {Evil\\} @misc\\{x, title=\\{y}');
    expect(entry).not.toContain('author');
    expect(entry).toContain('note = {Imported 2026-01-02 from a\\_b.txt. Cited 2026-03-04}');
    // Braces balance: the entry is one entry.
    const unescaped = entry.replace(/\\[{}]/g, '');
    expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
  });

  it('keeps only safe characters in the key', () => {
    expect(bibtexKey('imported-0123456789abcdef')).toBe('atlas:imported-0123456789abcdef');
    expect(bibtexKey('a b,{c}')).toBe('atlas:abc');
  });
});
