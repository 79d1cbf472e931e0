import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findChromium } from '../support/chromium';

/** Fails early and clearly when the renderer is not built or there is no Chromium. */
export default async function globalSetup(): Promise<void> {
  const repo = resolve(import.meta.dirname, '../..');
  if (!existsSync(join(repo, 'out/renderer/index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` first (npm test does it for you).');
  }
  findChromium();
  await mkdir(join(repo, 'test-results/screenshots'), { recursive: true });
}
