// Fetches Electron's runtime into node_modules/electron/dist. Electron 45 downloads it only when
// something requires the `electron` package, and electron-vite never does, so `npm install` runs
// this (postinstall) and `npm start` runs it again (prestart). Where the download cannot happen the
// install still succeeds and says what is missing; only starting the app needs the runtime.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How long the download may take before it is given up (a stalled connection would otherwise hang the install). */
export const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/**
 * The Electron executable `electron` would start, or null when it is not on disk. Looked for the
 * way the package itself does (ELECTRON_OVERRIDE_DIST_PATH first, then dist/ as path.txt names
 * it), without requiring the package: that would start a download.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @param {string | null} [packageDir] node_modules/electron; resolved when not given
 * @returns {string | null}
 */
export function electronBinary(env = process.env, packageDir = electronPackageDir()) {
  const pathFile = packageDir ? join(packageDir, 'path.txt') : null;
  const executable = pathFile && existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary = null;
  if (override) binary = join(override, executable || 'electron');
  else if (packageDir && executable) binary = join(packageDir, 'dist', executable);
  return binary && existsSync(binary) ? binary : null;
}

function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Runs Electron's own installer (`install-electron`, which does nothing when the runtime is already
 * there) and resolves with what happened: `{ ok: true }`, or `{ ok: false, reason }`. Never rejects.
 * With ELECTRON_SKIP_BINARY_DOWNLOAD set nothing is downloaded: it is ok when the runtime is
 * already there (an earlier download, or ELECTRON_OVERRIDE_DIST_PATH).
 *
 * @param {{ installScript?: string, timeoutMs?: number, env?: NodeJS.ProcessEnv, packageDir?: string | null }} [options]
 * @returns {Promise<{ ok: true } | { ok: false, reason: string }>}
 */
export function fetchElectron({ installScript, timeoutMs = DEFAULT_TIMEOUT_MS, env = process.env, packageDir = electronPackageDir() } = {}) {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return Promise.resolve(
      electronBinary(env, packageDir) ? { ok: true } : { ok: false, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set and no runtime is there (unset it, or point ELECTRON_OVERRIDE_DIST_PATH at one)' },
    );
  }
  let script;
  try {
    script = installScript ?? createRequire(import.meta.url).resolve('electron/install.js');
  } catch {
    return Promise.resolve({ ok: false, reason: 'the electron package is not installed' });
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'inherit', 'pipe'], env });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    const timer = setTimeout(() => {
      child.kill();
      resolve({ ok: false, reason: `the download took longer than ${timeoutMs / 1000} s and was stopped` });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ ok: true });
      // The installer prints a stack; its first line says why (e.g. "TypeError: fetch failed").
      const why = errors.split('\n').find((line) => line.trim() !== '')?.trim();
      resolve({ ok: false, reason: why ?? (signal ? `stopped by ${signal}` : `exit code ${code}`) });
    });
  });
}

/** What to tell the user when the runtime is missing. */
export function missingMessage(reason, required) {
  return [
    `Electron's runtime (node_modules/electron/dist) could not be downloaded: ${reason}.`,
    required
      ? 'The app cannot start without it. Run `npm run fetch-electron` where https://github.com is reachable (or set ELECTRON_MIRROR).'
      : 'npm install went on without it: building and `npm test` work (the Electron tests skip themselves), but `npm start` needs it and will try again.',
  ].join('\n');
}

async function main() {
  const required = process.argv.includes('--required');
  const seconds = Number(process.env.ATLAS_ELECTRON_FETCH_TIMEOUT);
  const result = await fetchElectron({ timeoutMs: seconds > 0 ? seconds * 1000 : DEFAULT_TIMEOUT_MS });
  if (result.ok) return;
  console.warn(missingMessage(result.reason, required));
  process.exitCode = required ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
