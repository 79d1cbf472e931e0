import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findChromium } from '../support/chromium';

/** Fails early and clearly when the renderer or the link worker is not built, or there is no Chromium. */
export default async function globalSetup(): Promise<void> {
  const repo = resolve(import.meta.dirname, '../..');
  for (const built of ['out/renderer/index.html', 'out/main/linkWorker.js']) {
    if (!existsSync(join(repo, built))) throw new Error(`${built} is not built: run \`npm run build\` first (npm test does it for you).`);
  }
  findChromium();
  await mkdir(join(repo, 'test-results/screenshots'), { recursive: true });
}
