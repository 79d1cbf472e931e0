import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Services } from '../../src/main/compose';
import type { SourcePreview } from '../../src/shared/contract';
import type { Setup } from '../lib/environment';
import { armClickShows, collect, mapIdle } from '../lib/instruments';
import { openApp, type OpenedPage } from '../lib/pages';
import type { FrameTiming } from '../lib/timings';
import { quantile } from '../lib/stats';
import { measuredRow, errorRow, type Row } from '../lib/table';
import { clickableCountries, openAndClose, type Target } from './interaction';
import { generatedDocument } from './import';

/** The document imported: the `import` group's generated 1 MB text (every passage names countries). */
const DOCUMENT_BYTES = 1_000_000;
/** Countries clicked: those with the most passages once the document is in, that a click surely reaches. */
const COUNTRIES = 5;

/** The window with a large source imported against the same window without it, in one run. */
export interface ImportedFigures {
  passagesInDocument: number;
  /** The clicked countries, each with its passages with the document in and without it. */
  countries: { id: string; with: number; without: number }[];
  /** Click → panel painted and its JavaScript part, ms, paired: one click without the document, then the same with it. */
  click: { with: number[]; without: number[]; withJs: number[]; withoutJs: number[] };
  /** Click on the Timeline tab → its events painted, ms, paired the same way. */
  timeline: { with: number[]; without: number[] };
  /** Dated events in the Timeline tab's default range, with the document and without it. */
  events: { with: number; without: number };
  pageErrors: string[];
}

/** Imports `text` through the page's own services, as a drop on the window does. */
async function importDocument(services: Services, text: string): Promise<number> {
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await services.invoke(channel, input, true);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  const data = new TextEncoder().encode(text);
  const preview = await call<SourcePreview>('atlas:sources/preview-import', { from: 'bytes', jobId: randomUUID(), fileName: 'generated-report.txt', data });
  await call('atlas:sources/apply-import', { token: preview.token, title: preview.title, attribution: preview.attribution });
  return preview.passages;
}

/** Each country's passages in main's whole atlas, with the imported ones and without them. */
function passageCounts(services: Services): Map<string, { with: number; without: number }> {
  const { model } = services.atlas();
  const importedSources = new Set(model.sources.filter((source) => source.imported).map((source) => source.id));
  const bundled = new Set(model.passages.filter((passage) => !importedSources.has(passage.sourceId)).map((passage) => passage.id));
  const counts = new Map<string, { with: number; without: number }>();
  for (const [id, entry] of Object.entries(model.countries)) {
    counts.set(id, { with: entry.passageIds.length, without: entry.passageIds.filter((passageId) => bundled.has(passageId)).length });
  }
  return counts;
}

/** Opens the Timeline tab with a real click, timed to its list painted, then goes back to the countries. */
async function openTimeline(page: Page): Promise<FrameTiming> {
  await page.evaluate(mapIdle, 'app');
  await page.evaluate(armClickShows, '.timeline-view .timeline-events');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timing = (await page.evaluate(collect, 10_000)) as FrameTiming;
  await page.getByRole('tab', { name: 'Countries' }).click();
  await page.locator('.timeline-view').waitFor({ state: 'detached', timeout: 10_000 });
  return timing;
}

/**
 * Issue 6's "the UI stays responsive", measured in the window: two pages of the app side by side,
 * one with the generated 1 MB document imported and one without, and the same clicks on each in
 * turn (without, then with), after one discarded pair: the panels of the countries the document
 * gives the most passages, and the Timeline tab, which lists every dated event.
 */
export async function runImported(setup: Setup, runs: number, log: (line: string) => void): Promise<ImportedFigures> {
  const text = await generatedDocument(setup.repo, DOCUMENT_BYTES);
  // What the page with the document learns of it, from its own services before it opens.
  const imported: { passages: number; counts: Map<string, { with: number; without: number }> | null } = { passages: 0, counts: null };
  const pages: OpenedPage[] = [];
  try {
    const without = await openApp(setup, setup.mapIds);
    pages.push(without);
    const withDocument = await openApp(setup, setup.mapIds, {
      prepare: async (services) => {
        imported.passages = await importDocument(services, text);
        imported.counts = passageCounts(services);
      },
    });
    pages.push(withDocument);
    const counts = imported.counts;
    if (!counts) throw new Error('the document was not imported');
    const passagesOf = (id: string, withDocument = true) => (withDocument ? counts.get(id)?.with : counts.get(id)?.without) ?? 0;
    const ranked = [...setup.mapIds].sort((a, b) => passagesOf(b) - passagesOf(a));
    // Clickable on both pages: the same world view, so the same points.
    const reachable = await clickableCountries(withDocument.page, ranked, COUNTRIES * 3);
    const onBoth = new Set((await clickableCountries(without.page, reachable.map((target) => target.id))).map((target) => target.id));
    const targets: Target[] = reachable.filter((target) => onBoth.has(target.id)).slice(0, COUNTRIES);
    if (targets.length === 0) throw new Error('no country with passages is clickable on both pages');
    const countries = targets.map((target) => ({ id: target.id, with: passagesOf(target.id), without: passagesOf(target.id, false) }));
    log(`imported: ${imported.passages.toLocaleString('en-US')} passages imported; clicking ${countries.map((c) => `${c.id} (${c.with} passages, ${c.without} without)`).join(', ')}`);

    const click: ImportedFigures['click'] = { with: [], without: [], withJs: [], withoutJs: [] };
    const timeline: ImportedFigures['timeline'] = { with: [], without: [] };
    for (let run = 0; run <= runs; run++) {
      for (const target of targets) {
        const plain = await openAndClose(without.page, target, true);
        const heavy = await openAndClose(withDocument.page, target, true);
        if (run === 0 || !plain || !heavy) continue;
        click.without.push(plain.paintedAt - plain.clickAt);
        click.with.push(heavy.paintedAt - heavy.clickAt);
        click.withoutJs.push(plain.handledAt - plain.clickAt);
        click.withJs.push(heavy.handledAt - heavy.clickAt);
      }
      const plain = await openTimeline(without.page);
      const heavy = await openTimeline(withDocument.page);
      if (run > 0) {
        timeline.without.push(plain.paintedAt - plain.clickAt);
        timeline.with.push(heavy.paintedAt - heavy.clickAt);
      }
      log(`imported: run ${run}${run === 0 ? ' (warm-up)' : ''} done`);
    }
    const eventsIn = async (page: Page) => {
      await page.getByRole('tab', { name: 'Timeline' }).click();
      // The count is there once main has sent the first page of events.
      await page.locator('.timeline-view .country-count[aria-busy="false"]').waitFor({ timeout: 10_000 });
      const count = Number((await page.locator('.timeline-view .country-count').textContent())?.match(/\d[\d,]*/)?.[0]?.replace(/,/g, '') ?? Number.NaN);
      await page.getByRole('tab', { name: 'Countries' }).click();
      return count;
    };
    const events = { with: await eventsIn(withDocument.page), without: await eventsIn(without.page) };
    return { passagesInDocument: imported.passages, countries, click, timeline, events, pageErrors: pages.flatMap((opened) => opened.errors) };
  } finally {
    for (const opened of pages) await opened.close();
  }
}

export function importedRows(figures: ImportedFigures | { error: string } | null): Row[] {
  if (figures === null) return [];
  const clickMetric = 'Click → panel painted with a 1 MB source imported vs without, the countries it gives most passages';
  const timelineMetric = 'Timeline tab → painted with a 1 MB source imported vs without';
  if ('error' in figures) return [errorRow('imported.click', clickMetric, 'ms', figures.error), errorRow('imported.timeline', timelineMetric, 'ms', figures.error)];
  const median = (values: number[]) => quantile(values, 0.5).toFixed(0);
  const countries = figures.countries.map((country) => `${country.id} ${country.with.toLocaleString('en-US')}/${country.without}`).join(', ');
  return [
    measuredRow({
      key: 'imported.click',
      metric: clickMetric,
      unit: 'ms',
      ours: figures.click.with,
      baseline: figures.click.without,
      message: `(JS part ${median(figures.click.withJs)} vs ${median(figures.click.withoutJs)} ms; passages with/without: ${countries})`,
    }),
    measuredRow({
      key: 'imported.timeline',
      metric: timelineMetric,
      unit: 'ms',
      ours: figures.timeline.with,
      baseline: figures.timeline.without,
      message: `(${figures.events.with.toLocaleString('en-US')} events in range vs ${figures.events.without.toLocaleString('en-US')})`,
    }),
  ];
}
