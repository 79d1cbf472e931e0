import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, matchesGlob, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../electron.vite.config';
import { resolveAppPaths } from '../../src/main/desktop/paths';

// Building the installers needs Electron's release zips, which cannot be fetched here; so this
// checks the electron-builder configuration itself: that every file the app reads at run time is
// in it, where the app looks for it once installed.

interface BuilderConfig {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  publish: unknown;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
}

const repo = resolve(import.meta.dirname, '../..');
const packageJson = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  build: BuilderConfig;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** electron-builder reads its configuration from package.json's `build`. */
const config = packageJson.build;

/** electron-builder's file patterns: in order, a later one wins, `!` excludes, a bare folder name covers what is in it. */
function selected(path: string, patterns: readonly string[]): boolean {
  let inside = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = negated ? raw.slice(1) : raw;
    if (matchesGlob(path, pattern) || matchesGlob(path, `${pattern}/**`)) inside = !negated;
  }
  return inside;
}

function filesUnder(folder: string): string[] {
  return readdirSync(join(repo, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(repo, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

interface MainConfig {
  plugins: { generateBundle?: (this: { emitFile: (file: { type: string; fileName: string; source: string }) => void }) => void }[];
  build: { rollupOptions: { input: Record<string, string> } };
}
const mainConfig = (viteConfig as { main: MainConfig }).main;

/** The main build's entries, as electron.vite.config.ts names them: each becomes out/main/<name>.js. */
const mainEntries = Object.keys(mainConfig.build.rollupOptions.input);

/** The files the main build's own plugins add to out/main, by name, with what they hold. */
function mainAssets(): Map<string, string> {
  const assets = new Map<string, string>();
  for (const plugin of mainConfig.plugins) {
    plugin.generateBundle?.call({ emitFile: ({ fileName, source }) => void assets.set(`out/main/${fileName}`, source) });
  }
  return assets;
}

/**
 * What the build writes, by its layout (the names of chunks and assets carry hashes), plus every
 * file in out/ when a build is there. A worker a later change adds is in it by its entry's name.
 */
function builtFiles(): string[] {
  const layout = [
    ...mainEntries.map((name) => `out/main/${name}.js`),
    ...mainAssets().keys(),
    'out/main/chunks/compact-hash.js',
    'out/main/chunks/pdf.worker-hash.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
    'out/renderer/favicon.svg',
    'out/renderer/assets/index-hash.js',
    'out/renderer/assets/maplibre-gl-worker-hash.mjs',
    'out/renderer/assets/index-hash.css',
    'out/renderer/geo/shapes-50m.json',
    'out/renderer/geo/shapes-10m.json',
    'out/renderer/geo/places.json',
  ];
  const built = existsSync(join(repo, 'out')) ? filesUnder('out').filter((file) => !file.endsWith('.map')) : [];
  return [...new Set([...layout, ...built])];
}

/** Where `file` of the project ends up in an installed copy's resources folder, or null when it is left out. */
function installedAt(file: string): string[] {
  const places: string[] = [];
  if (selected(file, config.files)) {
    places.push(`app.asar/${file}`);
    if (selected(file, config.asarUnpack)) places.push(`app.asar.unpacked/${file}`);
  }
  for (const { from, to, filter } of config.extraResources) {
    if (file.startsWith(`${from}/`) && selected(file.slice(from.length + 1), filter)) places.push(`${to}/${file.slice(from.length + 1)}`);
  }
  return places;
}

describe('the electron-builder configuration (package.json build)', () => {
  it('packs the main bundle package.json names, the preload, the renderer and the window icon into the archive', () => {
    expect(mainEntries).toEqual(expect.arrayContaining(['index', 'linkWorker']));
    for (const file of ['package.json', packageJson.main, ...builtFiles(), 'resources/icon.png']) {
      expect(installedAt(file), file).toContain(`app.asar/${file}`);
    }
  });

  it('unpacks every script of the main build, so worker threads (link, pdf.js, any new one) start from real files', () => {
    for (const file of [...builtFiles().filter((file) => file.startsWith('out/main/')), 'out/main/importWorker.js']) {
      expect(installedAt(file), file).toContain(`app.asar.unpacked/${file}`);
    }
    expect(installedAt('out/renderer/index.html')).toEqual(['app.asar/out/renderer/index.html']);
  });

  it('writes a package.json beside the main scripts, unpacked with them, so Node loads the workers as ES modules', () => {
    // The project's package.json ("type": "module") stays inside app.asar, out of reach of the unpacked scripts.
    const written = mainAssets().get('out/main/package.json');
    expect(written && (JSON.parse(written) as unknown)).toEqual({ type: 'module' });
    expect(installedAt('out/main/package.json')).toContain('app.asar.unpacked/out/main/package.json');
    expect(installedAt('package.json')).toEqual(['app.asar/package.json']);
  });

  it('ships every file of data/ as an extra resource, and nothing of the sources, tests or node_modules', () => {
    const data = filesUnder('data');
    expect(data.length).toBeGreaterThan(5);
    for (const file of data) expect(installedAt(file), file).toEqual([file]);
    for (const file of ['src/main/electron/start.ts', 'tests/integration/packaging.test.ts', 'node_modules/react/index.js', 'out/main/index.js.map', 'bench/README.md']) {
      expect(installedAt(file), file).toEqual([]);
    }
  });

  it('declares no production dependency: the builds bundle what they import, so electron-builder packs no node_modules', () => {
    // electron-builder copies every package of `dependencies` (and theirs) into the archive whatever
    // `files` says; main and preload bundle their imports (externalizeDeps: false) and the renderer
    // is bundled by Vite, so such a copy would only make the installer larger.
    expect(packageJson.dependencies ?? {}).toEqual({});
    expect(Object.keys(packageJson.devDependencies)).toEqual(expect.arrayContaining(['lowdb', 'maplibre-gl', 'react', 'zod', 'pdfjs-dist']));
    const bundles = viteConfig as { main: { build: { externalizeDeps?: boolean } }; preload: { build: { externalizeDeps?: boolean } } };
    expect(bundles.main.build.externalizeDeps).toBe(false);
    expect(bundles.preload.build.externalizeDeps).toBe(false);
  });

  it('builds AppImage and deb, NSIS and dmg, publishes nothing and has no auto-update', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.publish).toBeNull();
    expect(config.asar).toBe(true);
    expect(packageJson.scripts['dist']).toContain('electron-builder --publish never');
    expect(JSON.stringify(packageJson)).not.toContain('electron-updater');
  });
});

describe('an installed copy laid out by the electron-builder configuration', () => {
  let root: string;
  let resources: string;

  beforeAll(async () => {
    // The layout on disk (app.asar stands as a folder), made from the configuration's own file sets.
    root = await mkdtemp(join(tmpdir(), 'atlas-installed-'));
    resources = join(root, 'resources');
    for (const file of ['package.json', ...builtFiles(), 'resources/icon.png', ...filesUnder('data')]) {
      for (const place of installedAt(file)) {
        await mkdir(dirname(join(resources, place)), { recursive: true });
        await writeFile(join(resources, place), '');
      }
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('has every file main reads where main looks for it', () => {
    const paths = resolveAppPaths({ isPackaged: true, mainDir: join(resources, 'app.asar/out/main'), resourcesPath: resources });
    for (const file of filesUnder('data')) expect(existsSync(join(paths.dataFolder, file.slice('data/'.length))), file).toBe(true);
    expect(existsSync(join(paths.rendererFolder, 'index.html'))).toBe(true);
    expect(existsSync(join(paths.rendererFolder, 'geo/shapes-50m.json'))).toBe(true);
    expect(existsSync(paths.preload)).toBe(true);
    expect(existsSync(paths.icon)).toBe(true);
    for (const name of mainEntries) expect(existsSync(join(paths.workerFolder, `${name}.js`)), name).toBe(true);
    expect(existsSync(join(paths.workerFolder, 'package.json'))).toBe(true);
    expect(existsSync(join(paths.workerFolder, 'chunks/pdf.worker-hash.js'))).toBe(true);
  });
});
