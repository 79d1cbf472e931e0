import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary, fetchElectron, missingMessage } from '../../resources/build/fetch-electron.mjs';

const repo = resolve(import.meta.dirname, '../..');
const script = join(repo, 'resources/build/fetch-electron.mjs');

// Electron's installer needs its download server, which tests cannot count on: these stand in for
// it with real processes that succeed, fail the way it fails offline, or hang like a stalled download.
let folder: string;
const installer = async (name: string, body: string) => {
  const path = join(folder, name);
  await writeFile(path, body);
  return path;
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-fetch-electron-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('fetchElectron()', () => {
  it('reports success when the installer has the runtime', async () => {
    expect(await fetchElectron({ installScript: await installer('ok.cjs', 'process.exit(0)'), env: {} })).toEqual({ ok: true });
  });

  it('reports the first line of the installer\'s error when the download fails', async () => {
    const failing = await installer('offline.cjs', 'console.error("TypeError: fetch failed\\n    at FetchDownloader.download"); process.exit(1);');
    expect(await fetchElectron({ installScript: failing, env: {} })).toEqual({ ok: false, reason: 'TypeError: fetch failed' });
  });

  it('stops a download that hangs after the time given, and says so', async () => {
    const hanging = await installer('stalled.cjs', 'setInterval(() => {}, 1000);');
    const result = await fetchElectron({ installScript: hanging, timeoutMs: 300, env: {} });
    expect(result).toEqual({ ok: false, reason: 'the download took longer than 0.3 s and was stopped' });
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says the runtime is missing when it is', async () => {
    // The installer would succeed; it must not be what decides.
    const never = await installer('never.cjs', 'process.exit(0)');
    const empty = await mkdtemp(join(folder, 'no-electron-'));
    expect(await fetchElectron({ installScript: never, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, packageDir: empty })).toEqual({
      ok: false,
      reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set and no runtime is there (unset it, or point ELECTRON_OVERRIDE_DIST_PATH at one)',
    });
  });

  it('is ok with ELECTRON_SKIP_BINARY_DOWNLOAD set when an earlier download is there', async () => {
    const failing = await installer('would-fail.cjs', 'process.exit(1)');
    const packageDir = await runtimeAt('downloaded', 'dist');
    expect(await fetchElectron({ installScript: failing, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, packageDir })).toEqual({ ok: true });
  });

  it('is ok with ELECTRON_SKIP_BINARY_DOWNLOAD set when ELECTRON_OVERRIDE_DIST_PATH has the runtime', async () => {
    const failing = await installer('would-fail-too.cjs', 'process.exit(1)');
    const dist = await runtimeAt('override', '.');
    const env = { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: dist };
    expect(await fetchElectron({ installScript: failing, env, packageDir: null })).toEqual({ ok: true });
  });
});

/** A folder laid out like node_modules/electron after a download (path.txt, dist/electron), or like an override dist (executable at `at`). */
async function runtimeAt(name: string, at: 'dist' | '.'): Promise<string> {
  const root = await mkdtemp(join(folder, `${name}-`));
  if (at === 'dist') await writeFile(join(root, 'path.txt'), 'electron');
  await mkdir(join(root, at), { recursive: true });
  await writeFile(join(root, at, 'electron'), '');
  return root;
}

describe('electronBinary()', () => {
  it('finds the downloaded runtime as path.txt names it, and nothing when dist/ lacks it', async () => {
    const packageDir = await runtimeAt('found', 'dist');
    expect(electronBinary({}, packageDir)).toBe(join(packageDir, 'dist', 'electron'));
    await rm(join(packageDir, 'dist'), { recursive: true });
    expect(electronBinary({}, packageDir)).toBeNull();
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, and finds nothing when the executable is not in it', async () => {
    const packageDir = await runtimeAt('beside', 'dist');
    const dist = await runtimeAt('preferred', '.');
    expect(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist }, packageDir)).toBe(join(dist, 'electron'));
    expect(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: await mkdtemp(join(folder, 'empty-')) }, packageDir)).toBeNull();
  });
});

describe('missingMessage()', () => {
  it('tells an install that it went on, and a start that it cannot, and how to fix it', () => {
    expect(missingMessage('TypeError: fetch failed', false)).toContain('npm install went on without it');
    expect(missingMessage('TypeError: fetch failed', true)).toContain('The app cannot start without it. Run `npm run fetch-electron`');
  });
});

describe('resources/build/fetch-electron.mjs', () => {
  // No download is tried; where the runtime is, is said by ELECTRON_OVERRIDE_DIST_PATH (which Electron checks first).
  const run = (dist: string, ...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], {
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: dist },
      encoding: 'utf8',
    });

  it('lets npm install succeed without the runtime, saying what is missing', async () => {
    const install = run(await mkdtemp(join(folder, 'missing-')));
    expect(install.status).toBe(0);
    expect(install.stderr).toContain("Electron's runtime (node_modules/electron/dist) could not be downloaded: ELECTRON_SKIP_BINARY_DOWNLOAD is set");
  });

  it('stops npm start without the runtime, with the reason', async () => {
    const start = run(await mkdtemp(join(folder, 'missing-')), '--required');
    expect(start.status).toBe(1);
    expect(start.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set and no runtime is there');
    expect(start.stderr).toContain('The app cannot start without it.');
  });

  it('lets npm start go on with ELECTRON_SKIP_BINARY_DOWNLOAD set when the runtime is there', async () => {
    const start = run(await runtimeAt('present', '.'), '--required');
    expect(start.stderr).toBe('');
    expect(start.status).toBe(0);
  });

  it('runs after npm install and before npm start', () => {
    const { scripts } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['postinstall']).toBe('node resources/build/fetch-electron.mjs');
    expect(scripts['prestart']).toBe('node resources/build/fetch-electron.mjs --required');
  });
});
