import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportMarkdownDocument, exportMarkdownFiles, safeFileName } from './exportMarkdown';
import type { StoreData } from '../store/schema';

const store = JSON.parse(readFileSync(new URL('../../../tests/fixtures/store/v2-store.json', import.meta.url), 'utf8')) as StoreData;
const names: Record<string, string> = { JPN: 'Japan', USA: 'United States', 'x-kosovo': 'Kosovo' };
const countryName = (id: string) => names[id] ?? id;

describe('exportMarkdownFiles()', () => {
  it('writes one file per country, named after it', () => {
    const files = exportMarkdownFiles(store.notes, store.overrides, { countryName });
    expect(files.map((file) => file.fileName)).toEqual(['Japan.md', 'Kosovo.md', 'United States.md']);
  });

  it('keeps the body as written, quotes the passage, and gives the user tier', () => {
    const files = exportMarkdownFiles(store.notes, store.overrides, { countryName, tierName: (tier) => tier.toUpperCase() });
    const japan = files.find((file) => file.fileName === 'Japan.md')!.text;
    expect(japan).toMatch(/^# Japan\n\n\*\*Your tier:\*\* STRATEGIC — Security cooperation/);
    expect(japan).toContain('Shuttle diplomacy resumed in **2023**; see also GSOMIA.');
    expect(japan).toContain('Tags: `diplomacy`, `summit`');
    const usa = files.find((file) => file.fileName === 'United States.md')!.text;
    expect(usa).toContain("On the passage:\n\n> The United States is South Korea's only treaty ally.");
    expect(usa).toMatch(/## Note 2026-03-01 · pinned/);
  });

  it('gives countries whose names clash on a case-insensitive disk different files', () => {
    const files = exportMarkdownFiles(store.notes, [], { countryName: (id) => (id === 'USA' ? 'japan' : 'Japan') });
    expect(files.map((file) => file.fileName).sort()).toEqual(['Japan (2).md', 'Japan (3).md', 'japan.md'].sort());
  });
});

describe('exportMarkdownDocument()', () => {
  it('puts every country under one title', () => {
    const text = exportMarkdownDocument(store.notes, store.overrides, { countryName });
    expect(text.startsWith('# Notes — Korea Relations Atlas\n\n## Japan')).toBe(true);
    expect(text).toContain('## Kosovo\n\n### Note 2026-03-01');
  });
});

describe('safeFileName()', () => {
  it.each([
    ['Japan', 'Japan'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['C:\\Windows\\system32', 'C__Windows_system32'],
    ['Congo, Dem. Rep.', 'Congo, Dem. Rep'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['a<b>c:d"e|f?g*h', 'a_b_c_d_e_f_g_h'],
    ['tab\there\u202Eevil', 'tab here_evil'],
    ['...', 'fallback'],
    ['대한민국', '대한민국'],
  ])('makes %j safe as %j', (name, expected) => {
    expect(safeFileName(name, 'fallback')).toBe(expected);
  });

  it('keeps long names within the file-name limit', () => {
    expect(new TextEncoder().encode(safeFileName('한'.repeat(200), 'x')).length).toBeLessThanOrEqual(200);
  });
});
