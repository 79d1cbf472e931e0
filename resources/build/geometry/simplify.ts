import type { Topology } from 'topojson-specification';

type Point = [number, number];

/**
 * A copy of `topology` with every arc simplified (Douglas–Peucker) so that no dropped point lay
 * further than `tolerance` degrees of longitude from the simplified line, measured in Web Mercator,
 * the projection the map draws in (so a tolerance means the same on screen at every latitude).
 *
 * Arcs are simplified rather than shapes: neighbours share their border arcs, so they stay joined
 * without gaps or overlaps, and an arc's ends (where three countries meet) never move. A closed arc
 * (an island) keeps at least four points, so it stays a ring. The copy has absolute coordinates
 * (no `transform`); `topojson-client` reads it like the original.
 */
export function simplifyTopology<T extends Topology>(topology: T, tolerance: number): T {
  const arcs = topology.arcs.map((arc) => simplifyArc(decodeArc(arc, topology.transform), tolerance));
  const copy = { ...topology, arcs } as T;
  delete copy.transform;
  return copy;
}

/** How many points a topology's arcs hold, for reporting what simplification saved. */
export function countArcPoints(topology: Topology): number {
  return topology.arcs.reduce((sum, arc) => sum + arc.length, 0);
}

function decodeArc(arc: readonly number[][], transform: Topology['transform']): Point[] {
  if (!transform) return arc.map(([x = 0, y = 0]) => [x, y]);
  const [kx, ky] = transform.scale;
  const [dx, dy] = transform.translate;
  let x = 0;
  let y = 0;
  return arc.map(([qx = 0, qy = 0]) => {
    x += qx;
    y += qy;
    return [x * kx + dx, y * ky + dy];
  });
}

/** Longitude and Mercator y, both in degrees. */
function mercator([lon, lat]: Point): Point {
  const clamped = Math.max(-85, Math.min(85, lat));
  return [lon, (Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * 180) / Math.PI];
}

/** `arc` with only the points Douglas–Peucker keeps at `tolerance`; its ends always stay. */
export function simplifyArc(arc: readonly Point[], tolerance: number): Point[] {
  if (arc.length <= 2 || tolerance <= 0) return arc.map(([x, y]) => [x, y]);
  const projected = arc.map(mercator);
  const keep = new Uint8Array(arc.length);
  keep[0] = 1;
  keep[arc.length - 1] = 1;
  const last = arc.length - 1;
  const closed = arc[0]![0] === arc[last]![0] && arc[0]![1] === arc[last]![1];
  if (closed) {
    // A ring's ends coincide, so no line runs between them: split it at its farthest point and
    // keep, on each side, that side's farthest point as well, so it can never fold into a line.
    const far = farthestFrom(projected, 0, last);
    keep[far] = 1;
    for (const [from, to] of [
      [0, far],
      [far, last],
    ] as const) {
      const middle = farthestFromLine(projected, from, to);
      if (middle.index > 0) keep[middle.index] = 1;
      mark(projected, from, to, tolerance * tolerance, keep);
    }
  } else {
    mark(projected, 0, last, tolerance * tolerance, keep);
  }
  return arc.filter((_, index) => keep[index] === 1).map(([x, y]) => [x, y]);
}

/** Marks the points to keep between `first` and `last` (an explicit stack: arcs run to thousands of points). */
function mark(points: readonly Point[], first: number, last: number, squaredTolerance: number, keep: Uint8Array): void {
  const stack: [number, number][] = [[first, last]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    if (to - from < 2) continue;
    const { index, squared } = farthestFromLine(points, from, to);
    if (squared <= squaredTolerance) continue;
    keep[index] = 1;
    stack.push([from, index], [index, to]);
  }
}

function farthestFrom(points: readonly Point[], origin: number, last: number): number {
  const [ox, oy] = points[origin]!;
  let best = origin;
  let bestDistance = -1;
  for (let i = origin + 1; i < last; i++) {
    const [x, y] = points[i]!;
    const distance = (x - ox) ** 2 + (y - oy) ** 2;
    if (distance > bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/** The point strictly between `from` and `to` furthest from the segment joining them, with its squared distance. */
function farthestFromLine(points: readonly Point[], from: number, to: number): { index: number; squared: number } {
  const [ax, ay] = points[from]!;
  const [bx, by] = points[to]!;
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  let index = -1;
  let squared = -1;
  for (let i = from + 1; i < to; i++) {
    const [px, py] = points[i]!;
    let t = length === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / length;
    t = Math.max(0, Math.min(1, t));
    const distance = (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2;
    if (distance > squared) {
      index = i;
      squared = distance;
    }
  }
  return { index, squared };
}
