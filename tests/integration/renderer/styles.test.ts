import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The window's styles sit next to the feature they dress (panel/panel.css, notes/notes.css…), with
// styles.css for what the whole window shares and ui/ui.css for the pieces every part uses. A style
// sheet nothing imports is never shipped: its rules are lost without a build error.

const rendererSource = resolve(import.meta.dirname, '../../../src/renderer/src');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const files = filesUnder(rendererSource);
const styleSheets = files.filter((file) => file.endsWith('.css'));
const modules = files.filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));

/** The style sheets of the renderer each module imports, as absolute paths, in import order. */
const importsOf = new Map(
  modules.map((file) => {
    const source = readFileSync(file, 'utf8');
    const sheets = [...source.matchAll(/^import\s+['"](\.{1,2}\/[^'"]+\.css)['"];?$/gm)].map((match) => resolve(dirname(file), match[1]!));
    return [file, sheets] as const;
  }),
);
const show = (file: string) => relative(rendererSource, file);

describe("the renderer's style sheets", () => {
  it('are each imported by a module of the renderer', () => {
    const imported = new Set([...importsOf.values()].flat());
    expect(styleSheets.length).toBeGreaterThan(1);
    expect(styleSheets.filter((sheet) => !imported.has(sheet)).map(show), 'style sheets nothing imports').toEqual([]);
  });

  it('are imported from where they are', () => {
    const missing = [...importsOf].flatMap(([file, sheets]) => sheets.filter((sheet) => !styleSheets.includes(sheet)).map((sheet) => `${show(file)} → ${show(sheet)}`));
    expect(missing, 'imports of a style sheet that is not there').toEqual([]);
  });

  it('start with what the whole window shares, then the generic pieces, before any feature', () => {
    // main.tsx loads with the page; the features' sheets come with the app's chunk, after these.
    expect(importsOf.get(join(rendererSource, 'main.tsx'))?.map(show)).toEqual(['styles.css', join('ui', 'ui.css')]);
  });
});
