import type { RuleFinding, TierScheme } from './tiers';

const MEMO = Symbol('passage memo');

/** What is worked out once per passage and kept with it: passages are never edited once linked. */
export interface PassageMemo {
  /** The countries the passage links, each once. */
  linked?: readonly string[];
  /** The countries it is about, each once. */
  subjects?: readonly string[];
  /** What the rules of `scheme` found in it. */
  findings?: { scheme: TierScheme; found: readonly RuleFinding[] };
}

/**
 * The memo kept on a passage, made on first use. It sits in a non-enumerable symbol property, so it
 * never reaches JSON, IPC (structured clone) or deep equality; a property rather than a WeakMap
 * because on a large import hundreds of thousands of WeakMap entries cost the garbage collector
 * more than the work they save. A frozen passage gets a fresh memo each time.
 */
export function memoOf(passage: object): PassageMemo {
  const own = (passage as { [MEMO]?: PassageMemo })[MEMO];
  if (own) return own;
  const memo: PassageMemo = {};
  if (Object.isExtensible(passage)) Object.defineProperty(passage, MEMO, { value: memo, enumerable: false });
  return memo;
}
