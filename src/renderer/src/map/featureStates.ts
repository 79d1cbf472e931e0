/** What the map shows of one country, set on its shapes as feature-state. */
export interface ShapeState {
  fill: string;
  dimmed: boolean;
  override: boolean;
  selected: boolean;
}

/** What the map shows at a country's label point. */
export interface PlaceState {
  hasNotes: boolean;
}

type StateValue = string | boolean;

/** The state of every coloured country's shapes, from the app's props. */
export function shapeStates(
  fills: ReadonlyMap<string, string>,
  dimmed: ReadonlySet<string>,
  overridden: ReadonlySet<string>,
  selectedId: string | null,
): Map<string, ShapeState> {
  const states = new Map<string, ShapeState>();
  for (const [id, fill] of fills) states.set(id, { fill, dimmed: dimmed.has(id), override: overridden.has(id), selected: id === selectedId });
  return states;
}

/** Whether each coloured country's label point carries the notes marker. */
export function placeStates(ids: Iterable<string>, noted: ReadonlySet<string>): Map<string, PlaceState> {
  const states = new Map<string, PlaceState>();
  for (const id of ids) states.set(id, { hasNotes: noted.has(id) });
  return states;
}

/**
 * The feature-state changes that take the map from `previous` to `next`: per country, only the
 * keys whose value differs (every key of a country not in `previous`). Countries missing from
 * `next` are left as they are. Setting feature-state makes MapLibre re-evaluate the paint of every
 * tile holding the feature and draw a frame, so a change of selection touches two countries, not
 * all of them, and a change that changes nothing draws nothing.
 */
export function stateChanges<T extends { [key in keyof T]: StateValue }>(previous: ReadonlyMap<string, T>, next: ReadonlyMap<string, T>): [string, Partial<T>][] {
  const changes: [string, Partial<T>][] = [];
  for (const [id, state] of next) {
    const before = previous.get(id);
    if (!before) {
      changes.push([id, state]);
      continue;
    }
    const changed: Partial<T> = {};
    let any = false;
    for (const key of Object.keys(state) as (keyof T)[]) {
      if (before[key] === state[key]) continue;
      changed[key] = state[key];
      any = true;
    }
    if (any) changes.push([id, changed]);
  }
  return changes;
}
