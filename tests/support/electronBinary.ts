import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Why tests/electron does not run here, when it does not. */
export const NO_ELECTRON_REASON =
  'No Electron runtime on this machine: `npm install` fetches it from Electron\'s release server, which was not ' +
  'reachable here (`npm run fetch-electron` tries again). The same renderer and main-process handlers are covered ' +
  'by tests/e2e in Chromium.';

/**
 * The Electron executable, or null when it has not been downloaded. Requiring the `electron`
 * package itself would start that download (and fail the test run where it cannot), so the binary
 * is looked for directly.
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) return join(override, 'electron');
  const packageDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
