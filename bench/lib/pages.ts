import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { listCalls, listEvents } from '../../src/shared/contract';
import { DATA_SOURCES } from '../../src/shared/dataSources';
import { composeServices, type Services } from '../../src/main/compose';
import { openStore } from '../../src/main/store/openStore';
import type { Note } from '../../src/shared/store/schema';
import { installBridge } from '../../tests/support/bridge';
import type { NetGuard } from '../../tests/support/netGuard';
import type { FrameTiming, LongTaskReport } from './timings';
import type { BaselineServer } from './servers';

/** What the bare page offers the bench (see bench/baseline/bare.mjs). */
export interface BareHandle {
  createdAt: number;
  firstIdleAt: number | null;
  whenIdle(): Promise<void>;
  view(): { center: [number, number]; zoom: number };
  fitCountry(bbox: [number, number, number, number], labelPoint: [number, number], rightInset: number): void;
  armRecolour(dimmed: string[]): Promise<FrameTiming>;
}

declare global {
  interface Window {
    __bare?: BareHandle;
    /** In-page state of the bench's own instruments. */
    __bench?: {
      ready?: Promise<number>;
      longTasks?: number[];
      pending?: Promise<unknown>;
      frames?: { times: number[]; views: string[]; running: boolean };
      /** Start-up milestones (ms since navigation start). */
      marks?: { mapCreatedAt?: number; firstIdleAt?: number };
      longTaskWatch?: { report: LongTaskReport; observers: PerformanceObserver[] };
    };
  }
}

export interface BenchEnvironment {
  repo: string;
  browser: Browser;
  appOrigin: string;
  rendererDir: string;
  bare: BaselineServer;
  /** Proxy every page context goes through: anything reaching it left the app. */
  guard: NetGuard;
  viewport: { width: number; height: number };
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  cdp: CDPSession;
  /** Console errors and uncaught exceptions the page reported. */
  errors: string[];
  close(): Promise<void>;
}

/** What a page's start-up cost: all times in ms. */
export interface Startup {
  /** Navigation start → interactive map (the app: idle, every country coloured, labels drawn). */
  readyMs: number;
  /** Main-thread JavaScript time until then (CDP Performance.getMetrics ScriptDuration). */
  scriptMs: number;
  /** Longest main-thread task until then (PerformanceObserver 'longtask'; 0 if none over 50 ms). */
  longestTaskMs: number;
  /** Milestones on the way, for finding where start-up time goes. */
  domContentLoadedMs: number;
  /** The MapLibre map constructed (the app marks it: `atlas:map-created`). */
  mapCreatedMs: number;
  /** The map's first idle (the app may still be colouring or labelling then; it marks `atlas:map-first-idle`). */
  firstIdleMs: number;
  /** The app only: its data in and the map in the page, ready to colour (its probe installed). NaN for the bare page. */
  mapInPageMs: number;
  /** The app's `window.atlas` calls answered before it was interactive (ms since navigation start). */
  ipc: { channel: string; startedAt: number; ms: number }[];
}

const READY_TIMEOUT_MS = 60_000;

async function newBenchContext(env: BenchEnvironment): Promise<BrowserContext> {
  return env.browser.newContext({
    viewport: env.viewport,
    locale: 'en-US',
    // Unlike the e2e harness: the pan-and-zoom metric needs the animated flights a user sees.
    reducedMotion: 'no-preference',
    proxy: { server: env.guard.url, bypass: [env.appOrigin, env.bare.origin].map((origin) => new URL(origin).host).join(',') },
  });
}

async function wrapPage(context: BrowserContext, cleanup: () => Promise<void>): Promise<OpenedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    page,
    context,
    cdp,
    errors,
    close: async () => {
      await context.close();
      await cleanup();
    },
  };
}

/** What a bench page of the app starts with, besides a fresh store. */
export interface AppPageOptions {
  /** Notes put in the store before the app opens it (through the store itself, as the app saves). */
  notes?: readonly Note[];
  /** Runs on the page's main services before the page opens (importing a document, say). */
  prepare?: (services: Services) => Promise<void>;
  /** A store folder prepared beforehand, opened instead of a fresh one (and removed with the page). */
  storeFolder?: string;
}

/**
 * Opens the built app as the e2e harness does (tests/e2e/harness.ts, whose `openApp` is not
 * exported): the renderer from the app's file server, `window.atlas` bound to the real main
 * services on a fresh store. Returns once the map is interactive, with the start-up figures.
 */
export async function openApp(env: BenchEnvironment, mapIds: readonly string[], pageOptions: AppPageOptions = {}): Promise<OpenedPage & { startup: Startup }> {
  const storeFolder = pageOptions.storeFolder ?? (await mkdtemp(join(tmpdir(), 'atlas-bench-store-')));
  if (pageOptions.notes && pageOptions.notes.length > 0) {
    const notes = pageOptions.notes;
    const store = await openStore({ folder: storeFolder });
    await store.update((draft) => {
      draft.notes.push(...notes);
    });
  }
  const pkg = JSON.parse(await readFile(join(env.repo, 'package.json'), 'utf8')) as { productName: string; version: string };
  // The bench opens no file dialog; should the app ask (for an export, say), the user "cancels".
  // Passed as a variable, not a literal, so this compiles whether or not the services take dialogs yet.
  const options = {
    dialogs: { saveFile: async () => null, chooseFolder: async () => null, openFile: async () => null },
    storeFolder,
    dataFolder: join(env.repo, 'data'),
    rendererFolder: join(env.repo, 'out/renderer'),
    appInfo: () => ({
      name: pkg.productName,
      version: pkg.version,
      electronVersion: null,
      chromeVersion: env.browser.version(),
      platform: process.platform,
      dataSources: [...DATA_SOURCES],
    }),
    defaultLanguage: 'en' as const,
    onPrefsChanged: () => {},
  };
  const services = await composeServices(options);
  await pageOptions.prepare?.(services);
  const context = await newBenchContext(env);
  await context.exposeBinding('__atlasInvoke', ({ frame, page }, channel: unknown, input: unknown) => {
    const trusted = frame === page.mainFrame() && new URL(frame.url()).origin === env.appOrigin;
    return services.invoke(String(channel), input, trusted);
  });
  await context.addInitScript(installBridge, {
    calls: listCalls().map(({ area, verb, channel }) => [area, verb, channel] as [string, string, string]),
    events: listEvents().map(({ name, channel }) => [name, channel] as [string, string]),
  });
  await context.addInitScript(watchStartup, { kind: 'app', ids: [...mapIds] });
  // The app may still be writing to its store as the page closes (a session save): retry a few times.
  const opened = await wrapPage(context, () => rm(storeFolder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }));
  try {
    const startup = await loadAndTime(opened, `${env.appOrigin}/index.html`);
    return { ...opened, startup };
  } catch (error) {
    const why = await diagnose(opened.page, mapIds).catch(() => '');
    await opened.close();
    throw why ? new Error(`${error instanceof Error ? error.message : String(error)} (${why})`, { cause: error }) : error;
  }
}

/** Says which part of "interactive" the app never reached, so a failed start-up is explained. */
async function diagnose(page: Page, mapIds: readonly string[]): Promise<string> {
  return page.evaluate((ids) => {
    const probe = window.__atlasProbe;
    if (!probe) return 'the map probe never appeared';
    const bare = ids.filter((id) => probe.featureState(id)['fill'] === undefined);
    const labels = probe.renderedLabels().length;
    return `${bare.length} countries without a fill${bare.length > 0 ? ` (${bare.slice(0, 5).join(', ')}…)` : ''}, ${labels} labels drawn`;
  }, mapIds);
}

/** The size of the app's map canvas, for a bare page of the same size. */
export function mapCanvasSize(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => {
    const rect = document.querySelector('.map canvas')?.getBoundingClientRect();
    if (!rect) throw new Error('no map canvas');
    return { width: rect.width, height: rect.height };
  });
}

/** Opens the bare page on a geometry file, its map sized like the app's. */
export async function openBare(env: BenchEnvironment, geometry: string, size: { width: number; height: number }): Promise<OpenedPage & { startup: Startup }> {
  const context = await newBenchContext(env);
  await context.addInitScript(watchStartup, { kind: 'bare', ids: [] });
  const opened = await wrapPage(context, async () => {});
  try {
    const query = new URLSearchParams({ geo: `/geo/${geometry}`, w: String(Math.round(size.width)), h: String(Math.round(size.height)) });
    const startup = await loadAndTime(opened, `${env.bare.origin}/bare.html?${query}`);
    return { ...opened, startup };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

async function loadAndTime(opened: OpenedPage, url: string): Promise<Startup> {
  const { page, cdp } = opened;
  await page.goto(url, { waitUntil: 'commit' });
  const readyMs = await page.evaluate(async (timeout) => {
    const started = performance.now();
    while (!window.__bench?.ready) {
      if (performance.now() - started > timeout) throw new Error('the start-up watch never ran');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const timer = new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`map not interactive after ${timeout} ms`)), timeout));
    // The app shows these when it cannot start or cannot draw: no point waiting out the timeout.
    let settled = false;
    const failed = new Promise<number>((_, reject) => {
      const look = () => {
        if (settled) return;
        const alert = document.querySelector('.boot-error, .map-failure');
        if (alert) reject(new Error(`the app reported: ${alert.textContent ?? ''}`));
        else setTimeout(look, 100);
      };
      look();
    });
    return Promise.race([window.__bench.ready, timer, failed]).finally(() => (settled = true));
  }, READY_TIMEOUT_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const scriptSeconds = metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? Number.NaN;
  const facts = await page.evaluate(() => {
    const mark = (name: string): number | undefined => performance.getEntriesByName(name, 'mark')[0]?.startTime;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const marks = window.__bench?.marks ?? {};
    return {
      longTasks: window.__bench?.longTasks ?? [],
      domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      mapCreatedMs: window.__bare?.createdAt ?? mark('atlas:map-created') ?? marks.mapCreatedAt ?? Number.NaN,
      firstIdleMs: window.__bare?.firstIdleAt ?? mark('atlas:map-first-idle') ?? marks.firstIdleAt ?? Number.NaN,
      mapInPageMs: window.__bare ? Number.NaN : (marks.mapCreatedAt ?? Number.NaN),
      ipc: window.__atlasBridgeTimings ?? [],
    };
  });
  const ipcBefore = facts.ipc.filter((call) => call.startedAt + call.ms <= readyMs);
  return {
    readyMs,
    scriptMs: scriptSeconds * 1000,
    longestTaskMs: Math.max(0, ...facts.longTasks),
    domContentLoadedMs: facts.domContentLoadedMs,
    mapCreatedMs: facts.mapCreatedMs,
    firstIdleMs: facts.firstIdleMs,
    mapInPageMs: facts.mapInPageMs,
    ipc: ipcBefore,
  };
}

/**
 * Runs in every bench page before its own scripts: records long tasks, and resolves
 * `__bench.ready` with the time the map became interactive. For the app that is the first idle at
 * which every mapped country has its fill and labels are drawn; for the bare page, its first idle.
 * Checks happen once per animation frame and once per idle, never more, so the watch itself costs
 * next to nothing.
 */
function watchStartup(spec: { kind: string; ids: string[] }): void {
  const bench = (window.__bench ??= {});
  const marks: { mapCreatedAt?: number; firstIdleAt?: number } = {};
  bench.marks = marks;
  const longTasks: number[] = [];
  bench.longTasks = longTasks;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the figure stays 0.
  }
  bench.ready = new Promise<number>((resolve) => {
    function tick(): void {
      if (spec.kind === 'bare') {
        const at = window.__bare?.firstIdleAt;
        if (typeof at === 'number') resolve(at);
        else requestAnimationFrame(tick);
        return;
      }
      const probe = window.__atlasProbe;
      if (!probe) {
        requestAnimationFrame(tick);
        return;
      }
      marks.mapCreatedAt ??= performance.now();
      void probe.whenIdle().then(() => {
        marks.firstIdleAt ??= performance.now();
        const coloured = spec.ids.every((id) => probe.featureState(id)['fill'] !== undefined);
        if (coloured && probe.renderedLabels().length > 0) resolve(performance.now());
        else requestAnimationFrame(tick);
      });
    }
    requestAnimationFrame(tick);
  });
}

