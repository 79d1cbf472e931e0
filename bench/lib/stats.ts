/** A sample summarised the way every row of the table is: median and the middle half around it. */
export interface Spread {
  median: number;
  p25: number;
  p75: number;
  n: number;
}

/** The q-quantile (0..1) with linear interpolation between the two nearest ranks. */
export function quantile(values: readonly number[], q: number): number {
  // A failed run is recorded as NaN so runs stay paired; it is left out here.
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function summarise(values: readonly number[]): Spread {
  return { median: median(values), p25: quantile(values, 0.25), p75: quantile(values, 0.75), n: values.filter(Number.isFinite).length };
}

/**
 * Ratios of runs taken side by side (ours[i] / baseline[i]). Pairing cancels the drift of a shared,
 * noisy machine better than dividing two medians: both halves of a pair saw the same load.
 */
export function pairedRatios(ours: readonly number[], baseline: readonly number[]): number[] {
  const count = Math.min(ours.length, baseline.length);
  const ratios: number[] = [];
  for (let index = 0; index < count; index++) {
    const top = ours[index];
    const bottom = baseline[index];
    if (top !== undefined && bottom !== undefined && Number.isFinite(top) && Number.isFinite(bottom) && bottom > 0) ratios.push(top / bottom);
  }
  return ratios;
}
