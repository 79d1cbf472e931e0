import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pairedRatios, summarise, type Spread } from './stats';

export type Unit = 'ms' | 'kB' | '%' | 'MB';

/** One figure of the table: a median with its middle half, or a single value (n = 1). */
export interface Figure {
  median: number;
  p25?: number;
  p75?: number;
  n: number;
}

/** A goal from the issue: our figure or the ratio must not exceed `max`. */
export interface Goal {
  on: 'ours' | 'ratio';
  max: number;
}

export interface Row {
  /** Stable name, so results of two versions can be joined on it. */
  key: string;
  metric: string;
  unit: Unit;
  status: 'ok' | 'error' | 'not measured';
  ours?: Figure;
  baseline?: Figure;
  ratio?: Figure;
  goals: Goal[];
  /** Whether every goal is met; null when there is no goal or nothing to judge. */
  met: boolean | null;
  /** Why the row has no figures, or what the figure is made of. */
  message?: string;
  /** Raw per-run samples, kept in the JSON only. */
  samples?: { ours?: number[]; baseline?: number[] };
}

export interface RowInput {
  key: string;
  metric: string;
  unit: Unit;
  /** Per-run values (summarised as median and p25–p75) or one value. */
  ours: readonly number[] | number;
  baseline?: readonly number[] | number;
  goals?: Goal[];
  message?: string;
}

function figure(values: readonly number[] | number): Figure {
  if (typeof values === 'number') return { median: values, n: 1 };
  const spread: Spread = summarise(values);
  return spread.n > 1 ? spread : { median: spread.median, n: spread.n };
}

/** Builds a measured row: summaries, the paired ratio when there is a baseline, and the verdict. */
export function measuredRow(input: RowInput): Row {
  const ours = figure(input.ours);
  const baseline = input.baseline === undefined ? undefined : figure(input.baseline);
  let ratio: Figure | undefined;
  if (baseline) {
    const top = typeof input.ours === 'number' ? [input.ours] : input.ours;
    const bottom = typeof input.baseline === 'number' ? [input.baseline] : (input.baseline ?? []);
    ratio = figure(pairedRatios(top, bottom));
  }
  const goals = input.goals ?? [];
  const judged = goals.map((goal) => {
    const value = goal.on === 'ours' ? ours.median : ratio?.median;
    return value !== undefined && Number.isFinite(value) ? value <= goal.max : null;
  });
  const met = judged.length === 0 || judged.includes(null) ? null : judged.every(Boolean);
  return {
    key: input.key,
    metric: input.metric,
    unit: input.unit,
    status: 'ok',
    ours,
    ...(baseline ? { baseline } : {}),
    ...(ratio ? { ratio } : {}),
    goals,
    met,
    ...(input.message ? { message: input.message } : {}),
    samples: {
      ours: typeof input.ours === 'number' ? [input.ours] : [...input.ours],
      ...(input.baseline === undefined ? {} : { baseline: typeof input.baseline === 'number' ? [input.baseline] : [...input.baseline] }),
    },
  };
}

/** A row whose measurement failed: the table keeps it, with the reason, so the others still count. */
export function errorRow(key: string, metric: string, unit: Unit, error: unknown, goals: Goal[] = []): Row {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { key, metric, unit, status: 'error', goals, met: null, message: `error: ${message}` };
}

function number(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '?';
  if (unit === 'ms') return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
  if (unit === '%') return value.toFixed(1);
  if (unit === 'MB') return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

function formatFigure(value: Figure | undefined, unit: Unit): string {
  if (!value) return '—';
  const main = `${number(value.median, unit)} ${unit}`;
  if (value.p25 === undefined || value.p75 === undefined) return main;
  return `${main} (${number(value.p25, unit)}–${number(value.p75, unit)})`;
}

function formatRatio(value: Figure | undefined): string {
  if (!value || !Number.isFinite(value.median)) return '—';
  const main = `${value.median.toFixed(2)}×`;
  if (value.p25 === undefined || value.p75 === undefined) return main;
  return `${main} (${value.p25.toFixed(2)}–${value.p75.toFixed(2)})`;
}

function formatGoals(goals: readonly Goal[], unit: Unit): string {
  if (goals.length === 0) return '—';
  return goals.map((goal) => (goal.on === 'ratio' ? `≤ ${goal.max}×` : `≤ ${number(goal.max, unit)} ${unit}`)).join(' and ');
}

/** The table as Markdown, columns padded so it reads in a terminal and pastes into the README. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['metric', 'ours', 'baseline', 'ratio', 'goal', 'met'];
  const body = rows.map((row) => {
    if (row.status !== 'ok') return [row.metric, row.message ?? row.status, '', '', formatGoals(row.goals, row.unit), '—'];
    const ours = row.message ? `${formatFigure(row.ours, row.unit)} ${row.message}` : formatFigure(row.ours, row.unit);
    return [row.metric, ours, formatFigure(row.baseline, row.unit), formatRatio(row.ratio), formatGoals(row.goals, row.unit), row.met === null ? '—' : row.met ? 'yes' : 'NO'];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

/** Writes the run as JSON under bench/results, named by its start time, and returns the path. */
export async function writeResults(folder: string, startedAt: Date, content: object): Promise<string> {
  await mkdir(folder, { recursive: true });
  // ISO 8601 with the colons replaced: the name must be valid on every file system.
  const path = join(folder, `${startedAt.toISOString().replace(/:/g, '-')}.json`);
  await writeFile(path, `${JSON.stringify(content, null, 2)}\n`);
  return path;
}
