import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { createFeatureIdResolver } from './src/shared/countries';
import { prepareLevel } from './resources/build/geometry/levels';

const require = createRequire(import.meta.url);
const root = import.meta.dirname;

/**
 * Turns Natural Earth (world-atlas) into the map's GeoJSON at build time, so the app does no
 * geometry work at start: shapes at 50m for the world view and 10m (simplified for the zooms it
 * serves, see DETAIL_LEVELS) for close-ups, plus label points. Results are cached by the hash of
 * their inputs.
 */
function atlasGeometry(): Plugin {
  let assets: Promise<Map<string, string>> | null = null;
  const inputs = [
    'resources/build/geometry/prepare.ts',
    'resources/build/geometry/simplify.ts',
    'resources/build/geometry/levels.ts',
    'src/shared/countries.ts',
    'data/atlas/areas.json',
    'node_modules/world-atlas/package.json',
    'node_modules/world-countries/package.json',
  ];

  async function compute(): Promise<Map<string, string>> {
    const hash = createHash('sha256');
    for (const input of inputs) hash.update(await readFile(join(root, input)));
    const cache = join(root, 'node_modules/.cache/atlas-geometry', hash.digest('hex').slice(0, 16));
    const names = ['shapes-50m.json', 'shapes-10m.json', 'places.json'];
    try {
      return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(cache, name), 'utf8')] as const)));
    } catch {
      // Not cached yet.
    }
    const areas: unknown = JSON.parse(await readFile(join(root, 'data/atlas/areas.json'), 'utf8'));
    const resolveId = createFeatureIdResolver(require('world-countries') as unknown[], areas);
    const coarse = prepareLevel(require('world-atlas/countries-50m.json'), resolveId, '50m');
    const fine = prepareLevel(require('world-atlas/countries-10m.json'), resolveId, '10m');
    const unresolved = [...coarse.unresolved, ...fine.unresolved];
    if (unresolved.length > 0) throw new Error(`Map shapes without an id: ${unresolved.join(', ')}`);
    const result = new Map([
      ['shapes-50m.json', JSON.stringify(coarse.shapes)],
      ['shapes-10m.json', JSON.stringify(fine.shapes)],
      ['places.json', JSON.stringify(fine.places)],
    ]);
    await mkdir(cache, { recursive: true });
    await Promise.all([...result].map(([name, text]) => writeFile(join(cache, name), text)));
    return result;
  }

  return {
    name: 'atlas-geometry',
    async generateBundle() {
      for (const [name, source] of await (assets ??= compute())) this.emitFile({ type: 'asset', fileName: `geo/${name}`, source });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = request.url?.match(/^\/geo\/([\w-]+\.json)$/)?.[1];
        if (!name) return next();
        void (assets ??= compute()).then((map) => {
          const body = map.get(name);
          if (body === undefined) return next();
          response.setHeader('Content-Type', 'application/json');
          response.end(body);
        }, next);
      });
    },
  };
}

/** The CSP meta tag would block the dev server's inline preamble; the app:// responses still carry it. */
function dropCspWhileDeveloping(): Plugin {
  return {
    name: 'drop-csp-while-developing',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/**
 * Writes out/main/package.json saying its scripts are ES modules. Installed, out/main is unpacked
 * from app.asar (worker threads start from real files) but the project's package.json stays inside
 * it, so without this Node would have to guess the workers' module type from their syntax.
 */
function mainModuleType(): Plugin {
  return {
    name: 'main-module-type',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'package.json', source: `${JSON.stringify({ type: 'module' })}\n` });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [mainModuleType()],
    build: {
      externalizeDeps: false,
      // The link and import workers are entries of their own: imported documents are read and linked in worker threads started from them.
      // The names are the built files' (out/main/index.js, linkWorker.js, importWorker.js), which package.json and the workers' pools use.
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/electron/start.ts'),
          linkWorker: resolve(root, 'src/main/import/linkWorkerThread.ts'),
          importWorker: resolve(root, 'src/main/import/importWorkerThread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react(), atlasGeometry(), dropCspWhileDeveloping()],
    build: {
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
      // electron-vite leaves output unminified by default; the renderer's start-up parses all of it.
      minify: true,
      chunkSizeWarningLimit: 1500,
    },
  },
});
