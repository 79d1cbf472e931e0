import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths, resolveStoreFolder } from './paths';

const repo = resolve(import.meta.dirname, '../../..');

describe('resolveStoreFolder()', () => {
  it('prefers the command-line flag, then the environment, then user data', () => {
    expect(resolveStoreFolder(['electron', '.', '--store-dir=/tmp/a'], { ATLAS_STORE_DIR: '/tmp/b' }, '/home/u')).toBe('/tmp/a');
    expect(resolveStoreFolder(['electron', '.', '--store-dir', '/tmp/c'], {}, '/home/u')).toBe('/tmp/c');
    expect(resolveStoreFolder(['electron', '.'], { ATLAS_STORE_DIR: '/tmp/b' }, '/home/u')).toBe('/tmp/b');
    expect(resolveStoreFolder(['electron', '.'], {}, '/home/u')).toBe('/home/u');
  });
});

describe('resolveAppPaths()', () => {
  it('finds the project data, renderer, preload and workers from the main bundle (dev, preview, the tests\' launch)', () => {
    // `npm start`, `npm run dev` and Electron started on the project folder or on out/main/index.js
    // all run the same bundle in out/main; only app.getAppPath() differs between them, so it is not used.
    const paths = resolveAppPaths({ isPackaged: false, mainDir: join(repo, 'out/main'), resourcesPath: '/usr/lib/electron/resources' });
    expect(paths).toEqual({
      dataFolder: join(repo, 'data'),
      rendererFolder: join(repo, 'out/renderer'),
      preload: join(repo, 'out/preload/index.cjs'),
      icon: join(repo, 'resources/icon.png'),
      workerFolder: join(repo, 'out/main'),
    });
    expect(existsSync(join(paths.dataFolder, 'atlas/tiers.json'))).toBe(true);
    expect(existsSync(join(paths.dataFolder, 'sources'))).toBe(true);
    expect(existsSync(paths.icon)).toBe(true);
  });

  it('finds data/ in the resources folder and workers beside the archive in an installed copy', async () => {
    // An installed copy's layout, built for real in a temp folder (app.asar stands as a folder here).
    const root = await mkdtemp(join(tmpdir(), 'atlas-packaged-'));
    try {
      const resources = join(root, 'Korea Relations Atlas', 'resources');
      const mainDir = join(resources, 'app.asar/out/main');
      await mkdir(mainDir, { recursive: true });
      await mkdir(join(resources, 'app.asar.unpacked/out/main'), { recursive: true });
      await mkdir(join(resources, 'data/atlas'), { recursive: true });
      await writeFile(join(resources, 'data/atlas/tiers.json'), '{}');
      await writeFile(join(resources, 'app.asar.unpacked/out/main/linkWorker.js'), '');

      const paths = resolveAppPaths({ isPackaged: true, mainDir, resourcesPath: resources });
      expect(paths).toEqual({
        dataFolder: join(resources, 'data'),
        rendererFolder: join(resources, 'app.asar/out/renderer'),
        preload: join(resources, 'app.asar/out/preload/index.cjs'),
        icon: join(resources, 'app.asar/resources/icon.png'),
        workerFolder: join(resources, 'app.asar.unpacked/out/main'),
      });
      expect(existsSync(join(paths.dataFolder, 'atlas/tiers.json'))).toBe(true);
      expect(existsSync(join(paths.workerFolder, 'linkWorker.js'))).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('reads the macOS bundle layout the same way, and leaves a name that only contains "app.asar" alone', () => {
    const resources = '/Applications/Korea Relations Atlas.app/Contents/Resources';
    const paths = resolveAppPaths({ isPackaged: true, mainDir: `${resources}/app.asar/out/main`, resourcesPath: resources });
    expect(paths.dataFolder).toBe(`${resources}/data`);
    expect(paths.workerFolder).toBe(`${resources}/app.asar.unpacked/out/main`);
    const odd = resolveAppPaths({ isPackaged: true, mainDir: '/opt/my.app.asar.d/app.asar/out/main', resourcesPath: '/opt/my.app.asar.d' });
    expect(odd.workerFolder).toBe('/opt/my.app.asar.d/app.asar.unpacked/out/main');
  });
});
