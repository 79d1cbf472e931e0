import type { Setup } from '../lib/environment';
import type { Detail } from '../lib/geometry';
import { openBare } from '../lib/pages';

/**
 * Metric 2: the bare page at the world view with the 110m, 50m and 10m shapes (the same prepare
 * step as the app's build), page open → idle. The three alternate within each run; run 0 is the
 * warm-up. Returns per-run times (NaN where a load failed).
 */
export async function runDetail(
  setup: Setup,
  options: { runs: number; canvas: { width: number; height: number } },
  log: (line: string) => void,
): Promise<{ times: Record<Detail, number[]>; error?: string }> {
  const times: Record<Detail, number[]> = { '110m': [], '50m': [], '10m': [] };
  let error: string | undefined;
  for (let run = 0; run <= options.runs; run++) {
    const line: string[] = [];
    for (const detail of ['110m', '50m', '10m'] as const) {
      let ms = Number.NaN;
      try {
        const opened = await openBare(setup, `detail-${detail}.json`, options.canvas);
        ms = opened.startup.readyMs;
        await opened.close();
      } catch (caught) {
        error ??= caught instanceof Error ? caught.message.split('\n')[0] : String(caught);
      }
      if (run > 0) times[detail].push(ms);
      line.push(`${detail} ${Number.isFinite(ms) ? ms.toFixed(0) : 'failed'} ms`);
    }
    log(`${run === 0 ? 'warm-up' : `run ${run}/${options.runs}`}: world view idle ${line.join(', ')}`);
  }
  return { times, ...(error ? { error } : {}) };
}
