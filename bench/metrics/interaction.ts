import type { CDPSession, Page } from '@playwright/test';
import type { Setup } from '../lib/environment';
import { armKeystroke, armPanelClick, collect, mapIdle } from '../lib/instruments';
import { openApp, type FrameTiming } from '../lib/pages';

export interface ClickSample {
  id: string;
  /** Click → panel element in the DOM (the JavaScript part). */
  jsMs: number;
  /** Click → two animation frames after that (the panel painted). */
  paintedMs: number;
  /** The second of those frames alone. */
  frameMs: number;
  /** Click → next frame presented, by Event Timing (16 when the browser reported under 16 ms). */
  presentedMs: number;
}

export interface KeySample {
  query: string;
  /** Keydown → listbox changed (JavaScript part). */
  jsMs: number;
  /** Keydown → end of the frame showing it. */
  paintedMs: number;
  /** Keydown → next frame presented after all its events, by Event Timing (16 if under 16 ms). */
  presentedMs: number;
  changed: boolean;
}

/** Event Timing reports nothing under its 16 ms threshold: count such an input as 16 ms. */
const orThreshold = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? 16 : value);

/** A country whose label point is on screen, on the map canvas, and hits that very country. */
interface Target {
  id: string;
  x: number;
  y: number;
}

/**
 * Countries a click at their label point surely reaches, at the current view with no panel open:
 * on screen, on the canvas, and the country itself on top for 2 px around the (whole-pixel) point,
 * since a mouse event lands on whole pixels and a speck of an island can be missed by one.
 */
export async function clickableCountries(page: Page, ids: readonly string[], limit = Number.POSITIVE_INFINITY): Promise<Target[]> {
  return page.evaluate(
    ({ candidates, most }) => {
      const probe = window.__atlasProbe!;
      const found: { id: string; x: number; y: number }[] = [];
      for (const id of candidates) {
        if (found.length >= most) break;
        const point = probe.screenPoint(id);
        if (!point) continue;
        const x = Math.round(point.x);
        const y = Math.round(point.y);
        // The point itself, then the corners of a 5 px square around it.
        const around = [[0, 0], [-2, -2], [2, -2], [-2, 2], [2, 2]].map(([dx = 0, dy = 0]) => [x + dx, y + dy] as const);
        const hits = around.every(([px, py]) => document.elementFromPoint(px, py)?.tagName === 'CANVAS' && probe.countriesAt(px, py)[0]?.id === id);
        if (hits) found.push({ id, x, y });
      }
      return found;
    },
    { candidates: [...ids], most: limit },
  );
}

/** `count` items spread evenly over `items` (all of them if there are not more). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}

/** Map ids from the largest country to the smallest, so a spread covers every size. */
function byRank(setup: Setup): string[] {
  const rank = (id: string) => setup.places.get(id)?.rank ?? Number.MAX_SAFE_INTEGER;
  return [...setup.mapIds].sort((a, b) => rank(a) - rank(b));
}

/**
 * Opens the panel of `target` with a real mouse click and closes it with Escape. A measured click
 * lets the pointer arrive and its hover settle first, as before a user's click, so the hover's
 * repaint is not counted against the click; the memory cycles skip that wait.
 */
async function openAndClose(page: Page, target: Target, measure: boolean): Promise<FrameTiming | null> {
  await page.mouse.move(target.x, target.y);
  if (measure) {
    await page.evaluate(mapIdle, 'app');
    await page.evaluate(armPanelClick, target.id);
  }
  await page.mouse.down();
  await page.mouse.up();
  let timing: FrameTiming | null = null;
  if (measure) timing = (await page.evaluate(collect, 10_000)) as FrameTiming;
  else await page.locator(`aside.panel[data-country="${target.id}"]`).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  await page.locator('aside.panel').waitFor({ state: 'detached', timeout: 10_000 });
  return timing;
}

/** Texts typed into the search box; the first is a warm-up. Words from the source passages. */
const QUERIES = ['korea', 'alliance', 'trade agreement', 'nuclear', 'embassy', 'summit meeting', 'investment'];

/**
 * Metrics 3 and 6 on one fresh app page: `clicks` clicks on different countries (after three
 * discarded ones), then keystrokes in the search box, character by character.
 */
export async function runInteraction(
  setup: Setup,
  options: { clicks: number },
  log: (line: string) => void,
): Promise<{ clicks: ClickSample[]; keys: KeySample[]; clickError?: string; searchError?: string; available: number; misses: string[]; pageErrors: string[] }> {
  const opened = await openApp(setup, setup.mapIds);
  const { page } = opened;
  const clicks: ClickSample[] = [];
  const keys: KeySample[] = [];
  let clickError: string | undefined;
  let searchError: string | undefined;
  let available = 0;
  const misses: string[] = [];
  try {
    try {
      const targets = await clickableCountries(page, byRank(setup));
      available = targets.length;
      const warmUp = 3;
      log(`clicks: ${targets.length} countries are surely clickable at their label point in the world view`);
      for (const [index, target] of spread(targets, warmUp + options.clicks).entries()) {
        let timing: FrameTiming | null = null;
        try {
          timing = await openAndClose(page, target, true);
        } catch (error) {
          // One country missed (a click that hit its neighbour, say) does not void the others.
          misses.push(`${target.id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          if (misses.length > 10) throw new Error(`too many missed clicks: ${misses.slice(0, 3).join('; ')}`, { cause: error });
          await page.keyboard.press('Escape');
          await page.locator('aside.panel').waitFor({ state: 'detached', timeout: 10_000 });
          await page.evaluate(mapIdle, 'app');
        }
        if (index < warmUp || !timing) continue;
        clicks.push({
          id: target.id,
          jsMs: timing.handledAt - timing.clickAt,
          paintedMs: timing.paintedAt - timing.clickAt,
          frameMs: timing.paintedAt - timing.frameAt,
          presentedMs: orThreshold(timing.presentedMs),
        });
        if (clicks.length % 10 === 0) log(`clicks: ${clicks.length}/${options.clicks}`);
      }
      if (misses.length > 0) log(`clicks: ${misses.length} missed: ${misses.join('; ')}`);
    } catch (error) {
      clickError = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`clicks failed: ${clickError}`);
    }
    try {
      const search = page.locator('#country-search');
      for (const [index, query] of QUERIES.entries()) {
        await search.fill('');
        await page.evaluate(mapIdle, 'app');
        await search.focus();
        for (const [position, character] of [...query].entries()) {
          await page.evaluate(armKeystroke);
          await page.keyboard.type(character);
          const timing = (await page.evaluate(collect, 10_000)) as FrameTiming & { changed: boolean };
          if (index === 0) continue;
          keys.push({
            query: query.slice(0, position + 1),
            jsMs: timing.handledAt - timing.clickAt,
            paintedMs: timing.paintedAt - timing.clickAt,
            presentedMs: orThreshold(timing.presentedMs),
            changed: timing.changed,
          });
        }
      }
      await search.fill('');
      log(`search: ${keys.length} keystrokes timed`);
    } catch (error) {
      searchError = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`search failed: ${searchError}`);
    }
  } finally {
    await opened.close();
  }
  return {
    clicks,
    keys,
    available,
    misses,
    pageErrors: opened.errors,
    ...(clickError ? { clickError } : {}),
    ...(searchError ? { searchError } : {}),
  };
}

export interface MemoryFigures {
  afterLoadMB: number;
  /** After the first tenth of the cycles: one-off costs (first render of a panel, caches) are paid. */
  afterWarmMB: number;
  afterCyclesMB: number;
  cycles: number;
  /** DOM nodes and JS event listeners, before and after: a leak often shows there first. */
  nodes: [number, number];
  listeners: [number, number];
}

/** Heap in use after a full garbage collection (CDP), with the DOM node and listener counts. */
async function heapAfterGc(opened: { cdp: CDPSession }): Promise<{ usedMB: number; nodes: number; listeners: number }> {
  // Twice: objects freed by the first collection's finalisers are only reclaimed by the second.
  await opened.cdp.send('HeapProfiler.collectGarbage');
  await opened.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await opened.cdp.send('Runtime.getHeapUsage');
  const { metrics } = await opened.cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
  return { usedMB: usedSize / 1024 / 1024, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

/**
 * Metric 7: heap after load, then after `cycles` panel open/close cycles on a rota of the twelve
 * largest clickable countries. Also read after the first tenth of the cycles, to tell a one-off
 * cost from growth that goes on with every cycle (a leak).
 */
export async function runMemory(setup: Setup, options: { cycles: number }, log: (line: string) => void): Promise<MemoryFigures & { pageErrors: string[] }> {
  const opened = await openApp(setup, setup.mapIds);
  const { page } = opened;
  try {
    await page.evaluate(mapIdle, 'app');
    await opened.cdp.send('HeapProfiler.enable');
    const before = await heapAfterGc(opened);
    const targets = await clickableCountries(page, byRank(setup), 12);
    if (targets.length === 0) throw new Error('no clickable country');
    const warm = Math.max(1, Math.round(options.cycles / 10));
    let afterWarm = before;
    for (let cycle = 0; cycle < options.cycles; cycle++) {
      await openAndClose(page, targets[cycle % targets.length]!, false);
      if (cycle + 1 === warm) afterWarm = await heapAfterGc(opened);
      if ((cycle + 1) % 25 === 0) log(`memory: ${cycle + 1}/${options.cycles} panel cycles`);
    }
    await page.evaluate(mapIdle, 'app');
    const after = await heapAfterGc(opened);
    return {
      afterLoadMB: before.usedMB,
      afterWarmMB: afterWarm.usedMB,
      afterCyclesMB: after.usedMB,
      cycles: options.cycles,
      nodes: [before.nodes, after.nodes],
      listeners: [before.listeners, after.listeners],
      pageErrors: opened.errors,
    };
  } finally {
    await opened.close();
  }
}
