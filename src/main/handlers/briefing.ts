import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  atlasCountryIds,
  atlasFileName,
  briefingFileName,
  buildAtlasHtml,
  buildBriefingHtml,
  buildComparisonHtml,
  comparisonFileName,
  type BriefingContext,
} from '../../shared/briefing';
import type {
  AtlasView,
  BriefingOptions,
  CountrySummary,
  ExportOutcome,
  ExportProgress,
  Handlers,
  Language,
  NoteView,
  TierOverride,
} from '../../shared/contract';
import { translate } from '../../shared/i18n';
import { linkTargets, pageCount } from '../import/pdfjs';
import type { DesktopShell, Dialogs, Printer } from '../ports';
import { writeFileAtomic, toWriteError } from '../store/atomicJsonFile';
import { HandlerError } from './invoke';

export type Shapes = FeatureCollection<Polygon | MultiPolygon, { id: string }>;

export interface BriefingHandlerDeps {
  atlas: () => AtlasView;
  countries: readonly CountrySummary[];
  /** The user's notes and tiers as they stand when an export starts. */
  notes: () => NoteView[] | Promise<NoteView[]>;
  overrides: () => TierOverride[] | Promise<TierOverride[]>;
  /** The map's 50m shapes, read on first use. */
  shapes: () => Promise<Shapes>;
  printer: Printer;
  dialogs: Dialogs;
  shell: DesktopShell;
  /** The interface language, for dialog titles (the briefing's own language is an option). */
  language: () => Language;
  appVersion: string;
  progress: (progress: ExportProgress) => void;
  now?: () => Date;
}

/** PDFs the user may still ask to open; the oldest are forgotten past this many. */
const REMEMBERED_FILES = 20;
/** Shared exports get the usual umask, like the notes exports. */
const SHARED_FILE_MODE = 0o666;

/** Handlers for PDF briefings: one country, or the whole atlas, printed where the user chooses. */
export function createBriefingHandlers(deps: BriefingHandlerDeps): Pick<Handlers, 'briefing'> {
  const now = deps.now ?? (() => new Date());
  const jobs = new Map<string, AbortController>();
  const written = new Map<string, string>();

  const context = async (): Promise<BriefingContext> => ({
    model: deps.atlas().model,
    countries: deps.countries,
    shapes: await deps.shapes(),
    notes: await deps.notes(),
    overrides: await deps.overrides(),
    generatedAt: now(),
    appVersion: deps.appVersion,
  });

  /** Runs one export: asks where, then the steps, each checked for cancellation; writes only at the end. */
  async function run(
    jobId: string,
    defaultName: (context: BriefingContext) => string,
    steps: (context: BriefingContext, step: (phase: ExportProgress['phase']) => void, signal: AbortSignal) => Promise<Uint8Array>,
    totalSteps: number,
  ): Promise<ExportOutcome> {
    if (jobs.has(jobId)) throw new HandlerError('invalid-input', 'An export with this id is already running.');
    const controller = new AbortController();
    jobs.set(jobId, controller);
    try {
      const built = await context();
      const path = await deps.dialogs.saveFile({
        title: translate(deps.language(), 'pdfExport.saveTitle'),
        defaultName: defaultName(built),
        extensions: ['pdf'],
      });
      if (path === null || controller.signal.aborted) return { status: 'cancelled' };
      let done = 0;
      const step = (phase: ExportProgress['phase']) => {
        if (controller.signal.aborted) throw cancelled;
        deps.progress({ jobId, phase, done, total: totalSteps + 1 });
        done += 1;
      };
      const bytes = await steps(built, step, controller.signal);
      step('writing');
      const pages = await pageCount(bytes);
      await writeFileAtomic(path, bytes, SHARED_FILE_MODE).catch((error: unknown) => {
        throw toWriteError(error, 'the PDF');
      });
      deps.progress({ jobId, phase: 'writing', done: totalSteps + 1, total: totalSteps + 1 });
      const token = randomUUID();
      written.set(token, path);
      for (const old of [...written.keys()].slice(0, -REMEMBERED_FILES)) written.delete(old);
      return { status: 'saved', token, fileName: basename(path), pages, bytes: bytes.byteLength };
    } catch (error) {
      if (error === cancelled || (controller.signal.aborted && isAbort(error))) return { status: 'cancelled' };
      throw error;
    } finally {
      jobs.delete(jobId);
    }
  }

  const print = async (html: string, options: BriefingOptions, signal: AbortSignal) => {
    try {
      return await deps.printer.print({ html, paper: options.paper, signal });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new HandlerError('failed', `The PDF could not be printed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const fileFor = (token: string): string => {
    const path = written.get(token);
    if (path === undefined) throw new HandlerError('not-found', 'That file is no longer known; export it again.');
    return path;
  };

  return {
    briefing: {
      exportCountry({ jobId, countryId, options }) {
        if (!deps.atlas().model.countries[countryId]) throw new HandlerError('not-found', `No country ${countryId} in the atlas.`);
        return run(
          jobId,
          (built) => briefingFileName(built, countryId, options),
          async (built, step, signal) => {
            step('preparing');
            const html = buildBriefingHtml(built, countryId, options);
            step('printing');
            return print(html, options, signal);
          },
          2,
        );
      },
      exportCompare({ jobId, a, b, options }) {
        for (const id of [a, b]) {
          if (!deps.atlas().model.countries[id]) throw new HandlerError('not-found', `No country ${id} in the atlas.`);
        }
        return run(
          jobId,
          (built) => comparisonFileName(built, a, b, options),
          async (built, step, signal) => {
            step('preparing');
            const html = buildComparisonHtml(built, a, b, options);
            step('printing');
            return print(html, options, signal);
          },
          2,
        );
      },
      exportAtlas({ jobId, options }) {
        return run(
          jobId,
          (built) => atlasFileName(built, options),
          async (built, step, signal) => {
            // Two passes: the first tells on which page each briefing starts (from the table of
            // contents' own links), the second prints the table of contents with those numbers.
            step('preparing');
            const draft = buildAtlasHtml(built, options, null);
            step('printing');
            const first = await print(draft, options, signal);
            step('numbering');
            const { targets } = await linkTargets(first);
            const startPages: Record<string, number> = {};
            for (const id of atlasCountryIds(built.model)) {
              const page = targets[`c-${id}`];
              if (page !== undefined) startPages[id] = page;
            }
            step('printing');
            return print(buildAtlasHtml(built, options, startPages), options, signal);
          },
          4,
        );
      },
      cancel({ jobId }) {
        const job = jobs.get(jobId);
        job?.abort();
        return job !== undefined;
      },
      async openFile({ token }) {
        try {
          await deps.shell.openPath(fileFor(token));
        } catch (error) {
          if (error instanceof HandlerError) throw error;
          throw new HandlerError('failed', error instanceof Error ? error.message : String(error));
        }
        return null;
      },
      showInFolder({ token }) {
        deps.shell.showInFolder(fileFor(token));
        return null;
      },
    },
  };
}

const cancelled = new Error('cancelled');

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
