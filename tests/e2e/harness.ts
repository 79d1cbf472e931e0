import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { events, listCalls, listEvents, type EventName, type EventPayload, type Result } from '../../src/shared/contract';
import { DATA_SOURCES } from '../../src/shared/dataSources';
import { composeServices, type Services } from '../../src/main/compose';
import { startAppServer } from '../support/appServer';
import { installBridge } from '../support/bridge';
import { chromiumPrinter } from '../support/printer';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { startNetGuard, type NetGuard } from '../support/netGuard';

const repo = resolve(import.meta.dirname, '../..');
const rendererDir = join(repo, 'out/renderer');
/** The built link worker, which imports are linked in (`npm run build` makes it with the renderer). */
export const linkWorker = join(repo, 'out/main/linkWorker.js');
/** The built import worker, which imported documents are read in. */
export const importWorker = join(repo, 'out/main/importWorker.js');
export const screenshotDir = join(repo, 'test-results/screenshots');

/** One running copy of the app: the built renderer in Chromium, talking to the real main services. */
export interface AtlasApp {
  page: Page;
  context: BrowserContext;
  services: Services;
  storeFolder: string;
  origin: string;
  /** Requests that left the app's origin since this app opened (should stay empty). */
  outsideRequests: string[];
  /** Console errors and CSP violations the page reported; any left at the end fails the test. */
  pageErrors: string[];
  /** Errors a test provokes on purpose (a blocked request, say), not counted against the app. */
  expectedErrors: RegExp[];
  /**
   * Stands in for the OS file dialogs (which do not exist outside Electron): each dialog main opens
   * takes the next answer queued here (a path, or null for Cancel; a promise of one for a user who
   * takes their time) and is recorded in `asked`.
   */
  dialogs: { answers: (string | null | Promise<string | null>)[]; asked: { kind: 'save' | 'folder' | 'open'; title: string; defaultName?: string }[] };
  /** Files main asked the desktop to open or show (Open / Show in Folder after an export). */
  shell: { opened: string[]; shown: string[] };
  /** What main put on the clipboard (copied citations), oldest first: the harness's stand-in for the OS clipboard. */
  clipboard: string[];
  /** How many documents were printed to PDF, and what they tried to fetch (must stay empty). */
  printer: { jobs: number; requests: string[] };
  /** Sends a main → renderer event, as the menu does in Electron. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): Promise<void>;
  /**
   * Holds main's replies on `channel` (its work is done, the answer waits) until the returned
   * function is called: what the window shows while main is slow, on a machine of any speed.
   */
  holdReplies(channel: string): () => void;
  /** Calls a channel exactly as a page script could, bypassing the typed bridge. */
  rawInvoke(channel: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

interface WorkerFixtures {
  environment: { browser: Browser; origin: string; guard: NetGuard };
}

interface TestFixtures {
  /** Opens the app on a store folder (a fresh temp folder unless given), reading imports with the built import worker unless given another module; closed after the test. */
  launch: (options?: { storeFolder?: string; importWorker?: string }) => Promise<AtlasApp>;
  /** The app on a fresh store folder, map drawn. */
  app: AtlasApp;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  environment: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // Two guards: the browser's own background traffic (updates, sign-in) goes to `browserNoise`
      // and is not the app's doing; every page context gets `guard` as its proxy, so whatever the
      // app's pages and workers send outside loopback is counted against the app.
      const guard = await startNetGuard();
      const browserNoise = await startNetGuard();
      const server = await startAppServer(rendererDir);
      const browser = await chromium.launch({
        executablePath: findChromium(),
        args: [...CHROMIUM_ARGS, `--proxy-server=${browserNoise.url}`],
      });
      await use({ browser, origin: server.origin, guard });
      await browser.close();
      await server.close();
      await guard.close();
      await browserNoise.close();
    },
    { scope: 'worker' },
  ],

  launch: async ({ environment }, use) => {
    const opened: AtlasApp[] = [];
    const temps: string[] = [];
    await use(async (options = {}) => {
      const storeFolder = options.storeFolder ?? (await mkdtemp(join(tmpdir(), 'atlas-store-')));
      if (!options.storeFolder) temps.push(storeFolder);
      const app = await openApp(environment, storeFolder, options.importWorker ?? importWorker);
      opened.push(app);
      return app;
    });
    for (const app of opened) await app.close();
    const leaked = opened.flatMap((app) => app.outsideRequests);
    const errors = opened.flatMap((app) => app.pageErrors.filter((error) => !app.expectedErrors.some((pattern) => pattern.test(error))));
    await Promise.all(temps.map((folder) => rm(folder, { recursive: true, force: true })));
    expect(leaked, 'requests that left the app').toEqual([]);
    expect(errors, 'errors the page reported').toEqual([]);
  },

  app: async ({ launch }, use) => {
    await use(await launch());
  },
});

export { expect };

async function openApp(environment: WorkerFixtures['environment'], storeFolder: string, importWorkerPath: string): Promise<AtlasApp> {
  const { browser, origin, guard } = environment;
  const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { productName: string; version: string };
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    reducedMotion: 'reduce',
    proxy: { server: guard.url, bypass: new URL(origin).host },
  });
  const pageErrors: string[] = [];
  const guardStart = guard.attempts.length;

  const dialogs: AtlasApp['dialogs'] = { answers: [], asked: [] };
  const answer = (kind: 'save' | 'folder' | 'open', title: string, defaultName?: string) => {
    dialogs.asked.push({ kind, title, ...(defaultName ? { defaultName } : {}) });
    return Promise.resolve(dialogs.answers.shift() ?? null);
  };
  const shell: AtlasApp['shell'] = { opened: [], shown: [] };
  const clipboard: string[] = [];
  const printer = chromiumPrinter(browser);
  const services = await composeServices({
    rendererFolder: rendererDir,
    printer,
    shell: {
      openPath: (path) => {
        shell.opened.push(path);
        return Promise.resolve();
      },
      showInFolder: (path) => void shell.shown.push(path),
    },
    clipboard: { writeText: (text) => void clipboard.push(text) },
    onExportProgress: (progress) => void emitTo(context, events.onExportProgress.channel, progress),
    onImportProgress: (progress) => void emitTo(context, events.onImportProgress.channel, progress),
    onAtlasChanged: (payload) => void emitTo(context, events.onAtlasChanged.channel, payload),
    dialogs: {
      saveFile: ({ title, defaultName }) => answer('save', title, defaultName),
      chooseFolder: ({ title }) => answer('folder', title),
      openFile: ({ title }) => answer('open', title),
    },
    storeFolder,
    dataFolder: join(repo, 'data'),
    // As Electron's main runs it: imports read and linked in worker threads, from the build.
    linkWorker,
    importWorker: importWorkerPath,
    appInfo: () => ({
      name: pkg.productName,
      version: pkg.version,
      electronVersion: null,
      chromeVersion: browser.version(),
      platform: process.platform,
      dataSources: [...DATA_SOURCES],
    }),
    defaultLanguage: 'en',
    onPrefsChanged: (prefs) => void emitTo(context, events.onPrefsChanged.channel, prefs),
  });

  // Every request the page or its workers start for another origin counts, unless the page's own
  // CSP stopped it before it reached the network (those never leave; the guard proxy would see them).
  const outside = new Map<object, string>();
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) outside.set(request, url);
  });
  context.on('requestfailed', (request) => {
    // Chromium reports a CSP block as "csp" (fetch) or net::ERR_BLOCKED_BY_CSP depending on the caller.
    const reason = request.failure()?.errorText ?? '';
    if (reason === 'csp' || reason === 'net::ERR_BLOCKED_BY_CSP') outside.delete(request);
  });
  const held = new Map<string, Promise<void>>();
  await context.exposeBinding('__atlasInvoke', async ({ frame, page }, channel: unknown, input: unknown) => {
    const trusted = frame === page.mainFrame() && new URL(frame.url()).origin === origin;
    const result = await services.invoke(String(channel), input, trusted);
    await held.get(String(channel));
    return result;
  });
  await context.addInitScript(installBridge, {
    calls: listCalls().map(({ area, verb, channel }) => [area, verb, channel] as [string, string, string]),
    events: listEvents().map(({ name, channel }) => [name, channel] as [string, string]),
  });

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => window.__atlasProbe !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(() => window.__atlasProbe?.whenIdle());

  return {
    page,
    context,
    services,
    storeFolder,
    origin,
    get outsideRequests() {
      return [...outside.values(), ...guard.attempts.slice(guardStart), ...printer.requests];
    },
    pageErrors,
    expectedErrors: [],
    dialogs,
    shell,
    clipboard,
    printer,
    emit: (name, payload) => emitTo(context, events[name].channel, payload),
    holdReplies(channel) {
      let release = () => {};
      held.set(channel, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        held.delete(channel);
        release();
      };
    },
    rawInvoke: (channel, input) =>
      page.evaluate(([c, i]) => (window as unknown as { __atlasInvoke: (c: string, i: unknown) => Promise<Result<unknown>> }).__atlasInvoke(c, i), [channel, input] as const),
    close: async () => {
      await printer.close();
      await context.close();
      await services.close();
    },
  };
}

async function emitTo(context: BrowserContext, channel: string, payload: unknown): Promise<void> {
  await Promise.all(
    context.pages().map((page) =>
      page.evaluate(([c, p]) => (window as unknown as { __atlasEmit: (c: string, p: unknown) => void }).__atlasEmit(c, p), [channel, payload] as const),
    ),
  );
}

