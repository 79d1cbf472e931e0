import type { CDPSession, Locator, Page } from '@playwright/test';
import type { Setup } from '../lib/environment';
import { armClickShows, armKeystroke, collect, mapIdle } from '../lib/instruments';
import { mapCanvasSize, openApp, openBare } from '../lib/pages';
import type { FrameTiming } from '../lib/timings';
import { quantile } from '../lib/stats';
import { measuredRow, type Goal, type Row } from '../lib/table';

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
  /** Keydown → end of the frame showing the results' last change (all of a list rendered in steps). */
  settledMs: number;
  /** Keydown → next frame presented after all its events, by Event Timing (16 if under 16 ms). */
  presentedMs: number;
  changed: boolean;
}

/** Metric 6's goal: a keystroke's results on screen within 16 ms (p95). */
export const SEARCH_GOALS: Goal[] = [{ on: 'ours', max: 16 }];

/**
 * A metric 6 row: p95 of keydown → results painted, with the JavaScript part and the median beside.
 * With `floor` (the same keystrokes on the bare page, whose search box only echoes the text beside
 * the same map), its p95 is the baseline: what any keystroke's frame costs in this browser.
 */
export function keystrokeRow(key: string, metric: string, keys: readonly KeySample[], floor: readonly KeySample[] = []): Row {
  const painted = keys.map((sample) => sample.paintedMs);
  const js = keys.map((sample) => sample.jsMs);
  const changed = keys.filter((sample) => sample.changed).length;
  const settled = keys.map((sample) => sample.settledMs);
  const bare = floor.map((sample) => sample.paintedMs);
  const note =
    `(JS part p95 ${quantile(js, 0.95).toFixed(0)} ms; median ${quantile(painted, 0.5).toFixed(0)} ms; ` +
    `all results in p95 ${quantile(settled, 0.95).toFixed(0)} ms; n=${painted.length}, ${changed} changed the results` +
    (bare.length > 0 ? `; baseline: the bare page echoing the keys, median ${quantile(bare, 0.5).toFixed(0)} ms` : '') +
    ')';
  return measuredRow({
    key,
    metric,
    unit: 'ms',
    ours: quantile(painted, 0.95),
    ...(bare.length > 0 ? { baseline: quantile(bare, 0.95) } : {}),
    goals: SEARCH_GOALS,
    message: note,
  });
}

/** Event Timing reports nothing under its 16 ms threshold: count such an input as 16 ms. */
const orThreshold = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? 16 : value);

/** A country whose label point is on screen, on the map canvas, and hits that very country. */
export interface Target {
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
export async function openAndClose(page: Page, target: Target, measure: boolean): Promise<FrameTiming | null> {
  const point = await locate(page, target.id);
  await page.mouse.move(point.x, point.y);
  if (measure) {
    await page.evaluate(mapIdle, 'app');
    await page.evaluate(armClickShows, `aside.panel[data-country="${target.id}"]`);
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

/**
 * Where a click on `id` lands now. Opening a panel frames its country beside it and the camera
 * stays there when the panel closes, so a point taken earlier can be stale: the point is taken
 * afresh once the map is still, and if the country is no longer surely clickable (moved off
 * screen, or now under a neighbour's edge), the map is sent back to its first view (⌂) first.
 */
async function locate(page: Page, id: string): Promise<Target> {
  await page.evaluate(mapIdle, 'app');
  const [here] = await clickableCountries(page, [id]);
  if (here) return here;
  await page.locator('.map-controls button').last().click();
  await page.evaluate(mapIdle, 'app');
  const [home] = await clickableCountries(page, [id]);
  if (!home) throw new Error(`${id} is not clickable at its label point, even in the first view`);
  return home;
}

/** Texts typed into the search box; the first is a warm-up. Words from the source passages. */
export const QUERIES = ['korea', 'alliance', 'trade agreement', 'nuclear', 'embassy', 'summit meeting', 'investment'];

/**
 * Types each query into `input` a character at a time, from an empty box, timing every keystroke
 * to the `results` changing and the frame that shows it. The first query is a warm-up.
 */
export async function typeQueries(page: Page, spec: { input: Locator; results: string; queries: readonly string[]; kind?: 'app' | 'bare' }): Promise<KeySample[]> {
  const keys: KeySample[] = [];
  for (const [index, query] of spec.queries.entries()) {
    await spec.input.fill('');
    await page.evaluate(mapIdle, spec.kind ?? 'app');
    await spec.input.focus();
    for (const [position, character] of [...query].entries()) {
      await page.evaluate(armKeystroke, spec.results);
      await page.keyboard.type(character);
      const timing = (await page.evaluate(collect, 10_000)) as FrameTiming & { changed: boolean; settledAt: number };
      if (index === 0) continue;
      keys.push({
        query: query.slice(0, position + 1),
        jsMs: timing.handledAt - timing.clickAt,
        paintedMs: timing.paintedAt - timing.clickAt,
        settledMs: timing.settledAt - timing.clickAt,
        presentedMs: orThreshold(timing.presentedMs),
        changed: timing.changed,
      });
    }
  }
  await spec.input.fill('');
  return keys;
}

/**
 * Metrics 3 and 6 on one fresh app page: `clicks` clicks on different countries (after three
 * discarded ones), then keystrokes in the search box, character by character.
 */
export async function runInteraction(
  setup: Setup,
  options: { clicks: number },
  log: (line: string) => void,
): Promise<{
  clicks: ClickSample[];
  keys: KeySample[];
  /** The same keystrokes on the bare page (metric 6's floor). */
  bareKeys: KeySample[];
  clickError?: string;
  searchError?: string;
  available: number;
  misses: string[];
  pageErrors: string[];
}> {
  const opened = await openApp(setup, setup.mapIds);
  const { page } = opened;
  const clicks: ClickSample[] = [];
  const keys: KeySample[] = [];
  const bareKeys: KeySample[] = [];
  let canvas = setup.viewport;
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
      keys.push(...(await typeQueries(page, { input: page.locator('#country-search'), results: '#country-options', queries: QUERIES })));
      log(`search: ${keys.length} keystrokes timed`);
      canvas = await mapCanvasSize(page);
    } catch (error) {
      searchError = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`search failed: ${searchError}`);
    }
  } finally {
    await opened.close();
  }
  if (!searchError) {
    // The floor: the same keystrokes into the bare page's box, which only echoes them beside its map.
    const bare = await openBare(setup, 'shapes-50m.json', canvas);
    try {
      await bare.page.evaluate(mapIdle, 'bare');
      bareKeys.push(...(await typeQueries(bare.page, { input: bare.page.locator('#keys'), results: '#echo', queries: QUERIES, kind: 'bare' })));
      log(`search: ${bareKeys.length} keystrokes timed on the bare page`);
    } catch (error) {
      log(`search on the bare page failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    } finally {
      await bare.close();
    }
  }
  return {
    clicks,
    keys,
    bareKeys,
    available,
    misses,
    pageErrors: opened.errors,
    ...(clickError ? { clickError } : {}),
    ...(searchError ? { searchError } : {}),
  };
}

export interface MemoryFigures {
  afterLoadMB: number;
  /** After the warm-up cycles: one-off costs (code compiled on first use, first render of a panel, caches) are paid. */
  afterWarmMB: number;
  afterCyclesMB: number;
  warmUpCycles: number;
  /** Measured cycles, after the warm-up. */
  cycles: number;
  /**
   * Compiled code in the heap after the warm-up and at the end (heap snapshots): V8 keeps
   * optimising functions as they get hot, which grows the heap without any object of the app's.
   */
  codeMB: [number, number];
  /** DOM nodes and JS event listeners, after the warm-up and at the end: a leak often shows there first. */
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

/** MB of compiled code in a heap snapshot (nodes of type `code`), NaN if the snapshot fails. */
async function compiledCodeMB(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } catch {
    return Number.NaN;
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  }
  const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const code = snapshot.snapshot.meta.node_types[0].indexOf('code');
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  let bytes = 0;
  for (let index = 0; index < snapshot.nodes.length; index += fields.length) {
    if (snapshot.nodes[index + type] === code) bytes += snapshot.nodes[index + size] ?? 0;
  }
  return bytes / 1024 / 1024;
}

/**
 * Metric 7: heap after load, after `warmUp` panel open/close cycles on a rota of the twelve largest
 * clickable countries, and after `cycles` more. Heap snapshots showed the growth over the first
 * cycles to be code compiled on first use and first-use caches, and later growth to be mostly
 * optimised code, so the figure is taken from the end of a documented warm-up, with the compiled
 * code reported apart.
 */
export async function runMemory(
  setup: Setup,
  options: { cycles: number; warmUp: number },
  log: (line: string) => void,
): Promise<MemoryFigures & { pageErrors: string[] }> {
  const opened = await openApp(setup, setup.mapIds);
  const { page } = opened;
  try {
    await page.evaluate(mapIdle, 'app');
    await opened.cdp.send('HeapProfiler.enable');
    const afterLoad = await heapAfterGc(opened);
    const targets = await clickableCountries(page, byRank(setup), 12);
    if (targets.length === 0) throw new Error('no clickable country');
    const total = options.warmUp + options.cycles;
    let afterWarm = afterLoad;
    let codeAfterWarm = Number.NaN;
    for (let cycle = 0; cycle < total; cycle++) {
      await openAndClose(page, targets[cycle % targets.length]!, false);
      if (cycle + 1 === options.warmUp) {
        await page.evaluate(mapIdle, 'app');
        afterWarm = await heapAfterGc(opened);
        codeAfterWarm = await compiledCodeMB(opened.cdp);
      }
      if ((cycle + 1) % 25 === 0) log(`memory: ${cycle + 1}/${total} panel cycles (${options.warmUp} to warm up)`);
    }
    await page.evaluate(mapIdle, 'app');
    const after = await heapAfterGc(opened);
    const codeAfter = await compiledCodeMB(opened.cdp);
    return {
      afterLoadMB: afterLoad.usedMB,
      afterWarmMB: afterWarm.usedMB,
      afterCyclesMB: after.usedMB,
      warmUpCycles: options.warmUp,
      cycles: options.cycles,
      codeMB: [codeAfterWarm, codeAfter],
      nodes: [afterWarm.nodes, after.nodes],
      listeners: [afterWarm.listeners, after.listeners],
      pageErrors: opened.errors,
    };
  } finally {
    await opened.close();
  }
}
