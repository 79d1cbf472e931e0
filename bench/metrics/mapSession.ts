import type { Page } from '@playwright/test';
import type { Setup } from '../lib/environment';
import { armAppRecolour, armBareRecolour, collect, finishFlight, mapIdle, startFrames, type PageKind } from '../lib/instruments';
import { mapCanvasSize, openApp, openBare, type OpenedPage, type Startup } from '../lib/pages';
import type { FrameTiming } from '../lib/timings';
import { quantile } from '../lib/stats';
import { bareColours } from '../lib/servers';

/** A legend filter as the app applies it: the tier, and the countries it dims. */
export interface TierChange {
  tier: string;
  dimmed: string[];
}

/** What the warm-up app page tells the rest of the bench. */
export interface AppFacts {
  fills: Record<string, string>;
  canvas: { width: number; height: number };
  tiers: TierChange[];
}

/** Per-run figures of one side (NaN where that run failed, so runs stay paired). */
export interface SideFigures {
  readyMs: number[];
  scriptMs: number[];
  longestTaskMs: number[];
  /** Median recolour time of each run: click → change drawn. */
  recolourMs: number[];
  /** Median JavaScript part of each run's recolours: click → the page's handlers done. */
  recolourJsMs: number[];
  /** Each run's start-up milestones. */
  startups: (Startup | null)[];
  /** p95 frame interval of each run's flights. */
  frameP95Ms: number[];
  recolourSamples: number[][];
  frameSamples: number[][];
}

export interface SessionResults {
  ours: SideFigures;
  baseline: SideFigures;
  facts: AppFacts | null;
  /** First error of each measurement, if any run failed it. */
  errors: Partial<Record<'startup' | 'recolour' | 'flights', string>>;
  pageErrors: string[];
}

const emptySide = (): SideFigures => ({
  readyMs: [],
  scriptMs: [],
  longestTaskMs: [],
  recolourMs: [],
  recolourJsMs: [],
  startups: [],
  frameP95Ms: [],
  recolourSamples: [],
  frameSamples: [],
});

/** The results of sessions that could not run at all: every figure of theirs is that error. */
export function failedSessions(message: string): SessionResults {
  return { ours: emptySide(), baseline: emptySide(), facts: null, errors: { startup: message, recolour: message, flights: message }, pageErrors: [] };
}

/** Where the app's panel sits: WorldMap.flyTo keeps clear of it (app/useSelection.ts PANEL_WIDTH + 24). */
const PANEL_INSET = 420 + 24;

/**
 * Metrics 1, 4, 5 and the start-up script time share their page loads: each run opens the app and
 * then the bare page, fresh (new context, cold cache), times the start-up, then the recolours,
 * then the flights. Run 0 is the discarded warm-up; it also reads from the app what the bare page
 * needs to do the same job (colours, canvas size, the legend's filters).
 */
export async function runMapSessions(setup: Setup, options: { runs: number; flights: string[]; tiers: number }, log: (line: string) => void): Promise<SessionResults> {
  const results: SessionResults = { ours: emptySide(), baseline: emptySide(), facts: null, errors: {}, pageErrors: [] };
  const fail = (what: keyof SessionResults['errors'], error: unknown) => {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    results.errors[what] ??= message ?? 'unknown error';
    log(`  ${what} failed: ${message}`);
  };

  for (let run = 0; run <= options.runs; run++) {
    const label = run === 0 ? 'warm-up' : `run ${run}/${options.runs}`;
    for (const kind of ['app', 'bare'] as const) {
      const side = kind === 'app' ? results.ours : results.baseline;
      let opened: (OpenedPage & { startup: Startup }) | null = null;
      const record = run > 0;
      const pageStarted = Date.now();
      try {
        opened = kind === 'app' ? await openApp(setup, setup.mapIds) : await openBare(setup, 'shapes-50m.json', results.facts?.canvas ?? setup.viewport);
      } catch (error) {
        fail('startup', error);
      }
      if (record) {
        side.readyMs.push(opened?.startup.readyMs ?? Number.NaN);
        side.scriptMs.push(opened?.startup.scriptMs ?? Number.NaN);
        side.longestTaskMs.push(opened?.startup.longestTaskMs ?? Number.NaN);
        side.startups.push(opened?.startup ?? null);
      }
      if (!opened) {
        if (record) pushFailed(side);
        continue;
      }
      try {
        if (run === 0 && kind === 'app') {
          results.facts = await readAppFacts(opened.page, setup.mapIds, options.tiers);
          setup.bare.setConfig({ ...bareColours(), fills: results.facts.fills });
        }
        const changes = results.facts?.tiers ?? [];
        let recolour: number[] = [];
        let recolourJs: number[] = [];
        try {
          if (changes.length === 0) throw new Error('no legend filter found in the warm-up');
          ({ painted: recolour, js: recolourJs } = await measureRecolours(opened.page, kind, changes));
        } catch (error) {
          fail('recolour', error);
        }
        let frames: number[] = [];
        try {
          frames = await measureFlights(opened.page, kind, setup, options.flights);
        } catch (error) {
          fail('flights', error);
        }
        if (record) {
          side.recolourSamples.push(recolour);
          side.recolourMs.push(recolour.length > 0 ? quantile(recolour, 0.5) : Number.NaN);
          side.recolourJsMs.push(recolourJs.length > 0 ? quantile(recolourJs, 0.5) : Number.NaN);
          side.frameSamples.push(frames);
          side.frameP95Ms.push(frames.length > 0 ? quantile(frames, 0.95) : Number.NaN);
        }
        const { startup } = opened;
        log(
          `${label} ${kind === 'app' ? 'ours    ' : 'baseline'}: interactive ${fmt(startup.readyMs)} ms ` +
            `(DOMContentLoaded ${fmt(startup.domContentLoadedMs)}, map created ${fmt(startup.mapCreatedMs)}, first idle ${fmt(startup.firstIdleMs)}` +
            `${Number.isFinite(startup.mapInPageMs) ? `, data in and map in the page ${fmt(startup.mapInPageMs)}` : ''}` +
            `${ipcSummary(startup)}), ` +
            `script ${fmt(startup.scriptMs)} ms, recolour median ${fmt(quantile(recolour, 0.5))} ms, ` +
            `flight frames p95 ${fmt(quantile(frames, 0.95))} ms (${frames.length} frames) [${Math.round((Date.now() - pageStarted) / 1000)} s]`,
        );
      } finally {
        results.pageErrors.push(...opened.errors.map((error) => `${kind}: ${error}`));
        await opened.close();
      }
    }
  }
  return results;
}

function pushFailed(side: SideFigures): void {
  side.recolourSamples.push([]);
  side.recolourMs.push(Number.NaN);
  side.recolourJsMs.push(Number.NaN);
  side.frameSamples.push([]);
  side.frameP95Ms.push(Number.NaN);
}

/** "3 atlas calls 900–1400": when the app's calls to main went out and when the last came back. */
function ipcSummary(startup: Startup): string {
  if (startup.ipc.length === 0) return '';
  const first = Math.min(...startup.ipc.map((call) => call.startedAt));
  const last = Math.max(...startup.ipc.map((call) => call.startedAt + call.ms));
  return `; ${startup.ipc.length} atlas calls ${fmt(first)}–${fmt(last)}`;
}

const fmt = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');

/**
 * Reads, from the warm-up app page, the fill of every country (for the bare page's colours), the
 * map canvas size, and for the first `count` legend tiers which countries their filter dims.
 */
async function readAppFacts(page: Page, mapIds: readonly string[], count: number): Promise<AppFacts> {
  const fills = await page.evaluate((ids) => {
    const probe = window.__atlasProbe!;
    return Object.fromEntries(ids.map((id) => [id, String(probe.featureState(id)['fill'])]));
  }, mapIds);
  const canvas = await mapCanvasSize(page);
  const tiers: TierChange[] = [];
  const buttons = page.locator('.legend button[data-tier]');
  for (const tier of await buttons.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-tier') ?? ''))) {
    if (tiers.length >= count) break;
    const button = page.locator(`.legend button[data-tier="${tier}"]`);
    await button.click();
    await page.evaluate(mapIdle, 'app');
    const dimmed = await page.evaluate((ids) => ids.filter((id) => window.__atlasProbe!.featureState(id)['dimmed'] === true), mapIds);
    await button.click();
    await page.evaluate(mapIdle, 'app');
    // A filter that dims nothing or everything is no test of recolouring a part of the map.
    if (dimmed.length > 0 && dimmed.length < mapIds.length) tiers.push({ tier, dimmed });
  }
  return { fills, canvas, tiers };
}

/** Centre of an element, where the bench's mouse presses it. */
async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Metric 4: each tier's filter switched on and off again, click → the change drawn. The app
 * presses its legend button; the bare page presses its own button, which does the same dimming
 * with setPaintProperty. Returns ms per change.
 */
async function measureRecolours(page: Page, kind: PageKind, changes: readonly TierChange[]): Promise<{ painted: number[]; js: number[] }> {
  const painted: number[] = [];
  const js: number[] = [];
  for (const change of changes) {
    for (const on of [true, false]) {
      const selector = kind === 'app' ? `.legend button[data-tier="${change.tier}"]` : '#recolour';
      const point = await centreOf(page, selector);
      await page.mouse.move(point.x, point.y);
      await page.evaluate(mapIdle, kind);
      if (kind === 'app') await page.evaluate(armAppRecolour, { sampleId: change.dimmed[0] ?? '', expectDimmed: on });
      else await page.evaluate(armBareRecolour, on ? change.dimmed : []);
      await page.mouse.down();
      await page.mouse.up();
      const timing = (await page.evaluate(collect, 30_000)) as FrameTiming;
      painted.push(timing.paintedAt - timing.clickAt);
      js.push(timing.handledAt - timing.clickAt);
    }
  }
  await page.evaluate(mapIdle, kind);
  return { painted, js };
}

/**
 * Metric 5: flies from country to country, recording every animation frame, and returns the frame
 * intervals while the view was moving. The first flight is a warm-up (it also makes the app load
 * its 10m shapes). The app flies when a country is chosen in its list, as a user would; the bare
 * page makes the same camera call for the same country.
 */
async function measureFlights(page: Page, kind: PageKind, setup: Setup, targets: readonly string[]): Promise<number[]> {
  const intervals: number[] = [];
  for (const [index, id] of targets.entries()) {
    const place = setup.places.get(id);
    if (!place) throw new Error(`no place ${id}`);
    if (kind === 'app') {
      const name = setup.countries.find((country) => country.id === id)?.name.en ?? id;
      await page.locator('#country-search').fill(name);
      await page.waitForFunction(
        (expected) => document.getElementById('country-search')?.getAttribute('aria-activedescendant') === expected,
        `country-option-${id}`,
        { timeout: 10_000 },
      );
    }
    await page.evaluate(mapIdle, kind);
    await page.evaluate(startFrames, kind);
    if (kind === 'app') await page.keyboard.press('Enter');
    else
      await page.evaluate(({ bbox, point, inset }) => window.__bare!.fitCountry(bbox, point, inset), { bbox: place.bbox, point: place.point, inset: PANEL_INSET });
    const frames = await page.evaluate(finishFlight, kind);
    if (index > 0) intervals.push(...movingIntervals(frames.times, frames.views));
  }
  return intervals;
}

/** Intervals ending at each frame whose view differs from the frame before, first to last. */
export function movingIntervals(times: readonly number[], views: readonly string[]): number[] {
  let first = -1;
  let last = -1;
  for (let index = 1; index < views.length; index++) {
    if (views[index] === views[index - 1]) continue;
    if (first < 0) first = index;
    last = index;
  }
  if (first < 0) return [];
  const intervals: number[] = [];
  for (let index = first; index <= last; index++) intervals.push((times[index] ?? 0) - (times[index - 1] ?? 0));
  return intervals;
}
