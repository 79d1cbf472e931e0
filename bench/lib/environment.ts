import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { CountrySummary } from '../../src/shared/contract';
import { loadCountries } from '../../src/main/data/countryList';
import { startAppServer } from '../../tests/support/appServer';
import { CHROMIUM_ARGS, findChromium } from '../../tests/support/chromium';
import { startNetGuard } from '../../tests/support/netGuard';
import { prepareDetailLevels } from './geometry';
import type { BenchEnvironment } from './pages';
import { snapshotRenderer, startBaselineServer } from './servers';

/** A label point of the built places.json. */
export interface Place {
  id: string;
  rank: number;
  bbox: [number, number, number, number];
  point: [number, number];
}

export interface Setup extends BenchEnvironment {
  countries: CountrySummary[];
  /** Countries with a shape on the map: the ones that must all be coloured. */
  mapIds: string[];
  places: Map<string, Place>;
  chromiumVersion: string;
  /** Requests that left loopback from the pages (should stay empty), and from the browser itself. */
  outsideRequests(): string[];
  close(): Promise<void>;
}

/**
 * Everything the metrics share: a snapshot of the built renderer served by the app's own file
 * handler, the bare page's server with the three detail levels, Chromium with the e2e launch
 * flags, and the country and place lists.
 */
export async function startSetup(repo: string, log: (line: string) => void): Promise<Setup> {
  const rendererDir = await snapshotRenderer(join(repo, 'out/renderer'));
  const detail = await prepareDetailLevels(repo, log);
  const app = await startAppServer(rendererDir);
  const bare = await startBaselineServer({
    baselineDir: join(repo, 'bench/baseline'),
    maplibreDir: join(repo, 'node_modules/maplibre-gl/dist'),
    geometry: {
      // The app's own built file, for the like-for-like start-up baseline.
      'shapes-50m.json': join(rendererDir, 'geo/shapes-50m.json'),
      'detail-110m.json': detail['110m'],
      'detail-50m.json': detail['50m'],
      'detail-10m.json': detail['10m'],
    },
  });
  // As in the e2e harness: pages go through `guard` (anything there left the app), the browser's
  // own background traffic through `noise`.
  const guard = await startNetGuard();
  const noise = await startNetGuard();
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, `--proxy-server=${noise.url}`] });

  const countries = await loadCountries(join(repo, 'data'));
  const shapes = JSON.parse(await readFile(join(rendererDir, 'geo/shapes-50m.json'), 'utf8')) as { features: { properties: { id: string } }[] };
  const known = new Set(countries.map((country) => country.id));
  const mapIds = shapes.features.map((feature) => feature.properties.id).filter((id) => known.has(id));
  const placesFile = JSON.parse(await readFile(join(rendererDir, 'geo/places.json'), 'utf8')) as {
    features: { properties: { id: string; rank: number; bbox: [number, number, number, number] }; geometry: { coordinates: [number, number] } }[];
  };
  const places = new Map(
    placesFile.features.map((feature) => [feature.properties.id, { ...feature.properties, point: feature.geometry.coordinates }] as const),
  );

  return {
    repo,
    browser,
    appOrigin: app.origin,
    rendererDir,
    bare,
    guard,
    viewport: { width: 1280, height: 800 },
    countries,
    mapIds,
    places,
    chromiumVersion: browser.version(),
    outsideRequests: () => [...guard.attempts],
    close: async () => {
      await browser.close();
      await Promise.all([app.close(), bare.close(), guard.close(), noise.close()]);
      await rm(rendererDir, { recursive: true, force: true });
    },
  };
}
