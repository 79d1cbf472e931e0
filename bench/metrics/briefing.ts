import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { createBriefingHandlers, type Shapes } from '../../src/main/handlers/briefing';
import { loadAtlas } from '../../src/main/data/atlasFiles';
import { loadCountries } from '../../src/main/data/countryList';
import { buildBriefingHtml, type BriefingContext } from '../../src/shared/briefing';
import type { BriefingOptions } from '../../src/shared/contract';
import { chromiumPrinter } from '../../tests/support/printer';

/** Issue 5's figures: one briefing with and without its map (alternating), and the whole atlas. */
export interface BriefingFigures {
  country: string;
  /** HTML built and printed to PDF, per run. */
  withMap: number[];
  textOnly: number[];
  /** The whole atlas through the export handler: two print passes, numbering, the file written. */
  atlas: number[];
  atlasPages: number;
}

const OPTIONS: BriefingOptions = { paper: 'a4', includeNotes: true, language: 'en' };

export async function runBriefing(
  env: { repo: string; browser: Browser; rendererDir: string },
  settings: { runs: number; atlasRuns: number; country: string },
  log: (line: string) => void,
): Promise<BriefingFigures> {
  const [atlas, countries, shapesText] = await Promise.all([
    loadAtlas(join(env.repo, 'data')),
    loadCountries(join(env.repo, 'data')),
    readFile(join(env.rendererDir, 'geo/shapes-50m.json'), 'utf8'),
  ]);
  const shapes = JSON.parse(shapesText) as Shapes;
  const context: BriefingContext = { model: atlas.model, countries, shapes, notes: [], overrides: [], generatedAt: new Date(), appVersion: 'bench' };
  const printer = chromiumPrinter(env.browser);

  const once = async (withMap: boolean) => {
    const started = performance.now();
    await printer.print({ html: buildBriefingHtml(context, settings.country, { ...OPTIONS, withMap }), paper: OPTIONS.paper });
    return performance.now() - started;
  };
  const figures: BriefingFigures = { country: settings.country, withMap: [], textOnly: [], atlas: [], atlasPages: 0 };
  await once(true);
  await once(false);
  for (let run = 0; run < settings.runs; run += 1) {
    // Alternate which goes first, so neither always sees a warmer browser.
    if (run % 2 === 0) {
      figures.withMap.push(await once(true));
      figures.textOnly.push(await once(false));
    } else {
      figures.textOnly.push(await once(false));
      figures.withMap.push(await once(true));
    }
  }
  log(`briefing ${settings.country}: ${figures.withMap.map(Math.round).join(', ')} ms with map; ${figures.textOnly.map(Math.round).join(', ')} ms text only`);

  const folder = await mkdtemp(join(tmpdir(), 'atlas-bench-pdf-'));
  try {
    const handlers = createBriefingHandlers({
      atlas: () => atlas,
      countries,
      notes: () => [],
      overrides: () => [],
      shapes: () => Promise.resolve(shapes),
      printer,
      dialogs: { saveFile: () => Promise.resolve(join(folder, `${randomUUID()}.pdf`)), chooseFolder: async () => null, openFile: async () => null },
      shell: { openPath: () => Promise.resolve(), showInFolder: () => undefined },
      language: () => 'en',
      appVersion: 'bench',
      progress: () => undefined,
    });
    for (let run = 0; run < settings.atlasRuns; run += 1) {
      const started = performance.now();
      const outcome = await handlers.briefing.exportAtlas({ jobId: randomUUID(), options: OPTIONS });
      figures.atlas.push(performance.now() - started);
      if (outcome.status === 'saved') figures.atlasPages = outcome.pages;
    }
    log(`whole atlas: ${figures.atlas.map(Math.round).join(', ')} ms, ${figures.atlasPages} pages`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  await printer.close();
  if (printer.requests.length > 0) throw new Error(`The briefing asked for ${printer.requests.join(', ')}`);
  return figures;
}
