import type { Page } from '@playwright/test';
import type { Setup } from '../lib/environment';
import { mapIdle, startLongTasks, stopLongTasks, waitForSaved } from '../lib/instruments';
import type { LongTaskReport } from '../lib/timings';
import { sourceSentences, syntheticNotes } from '../lib/notes';
import { openApp } from '../lib/pages';
import { quantile } from '../lib/stats';
import { errorRow, measuredRow, type Goal, type Row } from '../lib/table';
import { keystrokeRow, QUERIES, SEARCH_GOALS, typeQueries, type KeySample } from './interaction';

/** Texts typed into the Notes tab search; the first is a warm-up. Words of the notes (the sources' sentences). */
const NOTE_QUERIES = ['korea', 'summit', 'trade economy', 'partnership', 'japan relations', 'visit', 'nuclear'];

/** What is typed into a new note, in bursts with a pause after each long enough for the autosave. */
const BURSTS = [
  'Talks resumed after the summit. ',
  'Watch the trade figures next quarter, ',
  'and the follow-up visit in spring. ',
  'Compare with the 2023 agreement.',
];

export interface NotesFigures {
  notes: number;
  /** Ctrl+F search (countries and passages) keystrokes, with the notes in the store. */
  listKeys: KeySample[];
  /** Notes tab search keystrokes. */
  notesKeys: KeySample[];
  /** The renderer while a note is typed and autosaved: its long tasks, and how many saves there were. */
  saving: { saves: number; seconds: number; report: LongTaskReport } | null;
  errors: Partial<Record<'list' | 'notes' | 'saving', string>>;
  pageErrors: string[];
}

const firstLine = (error: unknown) => (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));

/**
 * Metric 6 with `count` notes, and the long tasks while notes save: one app page on a store that
 * holds `count` synthetic notes (put there through the store itself, spread over every mapped
 * country, written from the sources' sentences). Once the app has them (the map marks the
 * countries), keystrokes are timed in the Ctrl+F search and in the Notes tab search; then a note is
 * written on Japan in bursts, each followed by its autosave, while the long-task observer watches.
 */
export async function runNotes(setup: Setup, options: { notes: number }, log: (line: string) => void): Promise<NotesFigures> {
  const sentences = await sourceSentences(setup.repo);
  const notes = syntheticNotes(options.notes, { countries: setup.mapIds, sentences });
  const opened = await openApp(setup, setup.mapIds, { notes });
  const { page } = opened;
  const figures: NotesFigures = { notes: options.notes, listKeys: [], notesKeys: [], saving: null, errors: {}, pageErrors: opened.errors };
  try {
    await page.waitForFunction((id) => window.__atlasProbe?.featureState(id, 'places')['hasNotes'] === true, notes[0]?.target.countryId ?? '', { timeout: 60_000 });
    log(`notes: the app has its ${options.notes.toLocaleString('en-US')} notes`);
    try {
      figures.listKeys = await typeQueries(page, { input: page.locator('#country-search'), results: '#country-options', queries: QUERIES });
      log(`notes: ${figures.listKeys.length} keystrokes timed in the country and passage search`);
    } catch (error) {
      figures.errors.list = firstLine(error);
      log(`notes: the country and passage search failed: ${figures.errors.list}`);
    }
    try {
      await page.getByRole('tab', { name: 'Notes' }).click();
      const input = page.getByRole('searchbox', { name: 'Search notes' });
      await input.waitFor();
      figures.notesKeys = await typeQueries(page, { input, results: '.notes-view', queries: NOTE_QUERIES });
      log(`notes: ${figures.notesKeys.length} keystrokes timed in the Notes tab search`);
    } catch (error) {
      figures.errors.notes = firstLine(error);
      log(`notes: the Notes tab search failed: ${figures.errors.notes}`);
    }
    try {
      figures.saving = await writeNote(page, 'Japan');
      const longest = Math.max(0, ...figures.saving.report.tasks.map((task) => task.duration));
      log(`notes: ${figures.saving.saves} autosaves in ${figures.saving.seconds.toFixed(1)} s, ${figures.saving.report.tasks.length} long tasks, the longest ${longest.toFixed(0)} ms`);
    } catch (error) {
      figures.errors.saving = firstLine(error);
      log(`notes: writing a note failed: ${figures.errors.saving}`);
    }
  } finally {
    await opened.close();
  }
  return figures;
}

/**
 * Opens `country` from the list, adds a note and types it in bursts, waiting after each for its
 * autosave to finish ("Saved"), with long tasks recorded from the first keystroke to the map idle
 * after the last save. While they are recorded, the bench only types and waits in the page: no
 * Playwright locator polls the page (its queries are long tasks of their own on a big panel).
 */
async function writeNote(page: Page, country: string): Promise<{ saves: number; seconds: number; report: LongTaskReport }> {
  await page.getByRole('tab', { name: 'Countries' }).click();
  const search = page.locator('#country-search');
  await search.fill(country);
  await search.press('Enter');
  const notes = page.locator('aside.panel').getByRole('region', { name: 'Your notes' });
  await notes.getByRole('button', { name: 'Add a note' }).click();
  const editor = notes.getByRole('textbox', { name: 'Note (Markdown)' });
  await editor.waitFor();
  await editor.focus();
  await page.evaluate(mapIdle, 'app');
  const started = Date.now();
  await page.evaluate(startLongTasks);
  let saves = 0;
  for (const burst of BURSTS) {
    await page.keyboard.type(burst, { delay: 40 });
    await page.evaluate(waitForSaved, { selector: 'aside.panel .note-card.editing .save-state', timeout: 30_000 });
    saves++;
  }
  await page.evaluate(mapIdle, 'app');
  const report = await page.evaluate(stopLongTasks);
  return { saves, seconds: (Date.now() - started) / 1000, report };
}

/** The goal the issue sets for the renderer while notes save: no long task over 50 ms. */
const SAVING_GOALS: Goal[] = [{ on: 'ours', max: 50 }];

/** The notes group's rows: metric 6 with `count` notes (both searches), and the long tasks while saving. */
/** `floor`: the bare page's keystrokes from the `clicks` group, the baseline of the keystroke rows when that group ran. */
export function notesRows(figures: NotesFigures | { error: string } | null, count: number, floor: readonly KeySample[] = []): Row[] {
  if (figures === null) return [];
  const size = count.toLocaleString('en-US');
  const listMetric = `6. Search keystroke → results painted, p95 (passages, ${size} notes in the store)`;
  const notesMetric = `6. Notes tab search keystroke → results painted, p95 (${size} notes)`;
  const savingMetric = `Renderer while a note autosaves: longest task (${size} notes)`;
  if ('error' in figures) {
    return [
      errorRow('search.passages-with-notes.p95', listMetric, 'ms', figures.error, SEARCH_GOALS),
      errorRow('search.notes.p95', notesMetric, 'ms', figures.error, SEARCH_GOALS),
      errorRow('notes.saving.longest-task', savingMetric, 'ms', figures.error, SAVING_GOALS),
    ];
  }
  const keysRow = (key: string, metric: string, keys: readonly KeySample[], error: string | undefined) =>
    keys.length > 0 ? keystrokeRow(key, metric, keys, floor) : errorRow(key, metric, 'ms', error ?? 'no keystrokes timed', SEARCH_GOALS);
  const rows = [
    keysRow('search.passages-with-notes.p95', listMetric, figures.listKeys, figures.errors.list),
    keysRow('search.notes.p95', notesMetric, figures.notesKeys, figures.errors.notes),
  ];
  const saving = figures.saving;
  if (!saving) return [...rows, errorRow('notes.saving.longest-task', savingMetric, 'ms', figures.errors.saving ?? 'no figures', SAVING_GOALS)];
  const durations = saving.report.tasks.map((task) => task.duration);
  const worst = [...saving.report.frames].sort((a, b) => b.blocking - a.blocking)[0];
  const cause = worst && worst.scripts.length > 0 ? `; longest frame's scripts: ${worst.scripts.join(', ')}` : '';
  const note = `(${durations.length} long tasks, median ${durations.length > 0 ? quantile(durations, 0.5).toFixed(0) : '–'} ms, over ${saving.saves} saves in ${saving.seconds.toFixed(0)} s${cause})`;
  return [...rows, measuredRow({ key: 'notes.saving.longest-task', metric: savingMetric, unit: 'ms', ours: Math.max(0, ...durations), goals: SAVING_GOALS, message: note })];
}
