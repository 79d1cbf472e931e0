declare module 'polylabel' {
  /** Pole of inaccessibility of a polygon given as rings of [x, y]; `distance` is added to the point. */
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}
