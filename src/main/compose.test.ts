import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtlasSummary } from '../shared/atlas/summary';
import { composeServices } from './compose';

const dataFolder = fileURLToPath(new URL('../../data', import.meta.url));
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-compose-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Starts the services on `data` with a store in `folder`, and gives back what they logged. */
async function start(data: string): Promise<unknown[][]> {
  const logged: unknown[][] = [];
  const services = await composeServices({
    storeFolder: join(folder, 'store'),
    dataFolder: data,
    rendererFolder: fileURLToPath(new URL('../../out/renderer', import.meta.url)),
    appInfo: () => ({ name: 'Atlas', version: '0.0.0', electronVersion: null, chromeVersion: null, platform: 'linux', dataSources: [] }),
    defaultLanguage: 'en',
    onPrefsChanged: () => {},
    log: (message, error) => logged.push([message, error]),
  });
  // The atlas answered is the one built at start-up, with the skipped entries in it.
  const answer = await services.invoke('atlas:atlas/get', undefined, true);
  await services.close();
  if (!answer.ok) throw new Error(answer.error.message);
  expect((answer.value as AtlasSummary).skippedCurated ?? []).toEqual(logged.flatMap(([, reasons]) => reasons));
  return logged;
}

describe('composeServices()', () => {
  it('logs once, at start-up, the curated tiers skipped because their evidence is not in the bundled sources', async () => {
    const data = join(folder, 'data');
    await cp(dataFolder, data, { recursive: true });
    const curated = {
      description: 'A curated tier whose passage is gone from the bundled article.',
      entries: [{ countryId: 'CHN', tier: 'alliance', reason: 'Stale.', evidence: [{ passagePrefix: 'No passage of the article starts so', phrase: 'mutual defense treaty' }] }],
    };
    await writeFile(join(data, 'atlas', 'curated.json'), JSON.stringify(curated));
    expect(await start(data)).toEqual([
      ['Skipped 1 curated tier whose evidence is not in the bundled sources.', ['curated.json: CHN: no passage "No passage of the article starts so"']],
    ]);
  });

  it('logs nothing about curated tiers when none is skipped', async () => {
    expect(await start(dataFolder)).toEqual([]);
  });
});
