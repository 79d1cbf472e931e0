import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchElectron, missingMessage } from '../../resources/build/fetch-electron.mjs';

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

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const never = await installer('never.cjs', 'process.exit(0)');
    expect(await fetchElectron({ installScript: never, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } })).toEqual({
      ok: false,
      reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set',
    });
  });
});

describe('missingMessage()', () => {
  it('tells an install that it went on, and a start that it cannot, and how to fix it', () => {
    expect(missingMessage('TypeError: fetch failed', false)).toContain('npm install went on without it');
    expect(missingMessage('TypeError: fetch failed', true)).toContain('The app cannot start without it. Run `npm run fetch-electron`');
  });
});

describe('resources/build/fetch-electron.mjs', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, encoding: 'utf8' });

  it('lets npm install succeed without the runtime, saying what is missing', () => {
    const install = run();
    expect(install.status).toBe(0);
    expect(install.stderr).toContain("Electron's runtime (node_modules/electron/dist) could not be downloaded: ELECTRON_SKIP_BINARY_DOWNLOAD is set.");
  });

  it('stops npm start without the runtime, with the reason', () => {
    const start = run('--required');
    expect(start.status).toBe(1);
    expect(start.stderr).toContain('The app cannot start without it.');
  });

  it('runs after npm install and before npm start', () => {
    const { scripts } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['postinstall']).toBe('node resources/build/fetch-electron.mjs');
    expect(scripts['prestart']).toBe('node resources/build/fetch-electron.mjs --required');
  });
});
