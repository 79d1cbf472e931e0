import type { TimelineEvent } from './timeline';
import type { Citation, Link, LinkedPassage, Passage, PassageKind, RuleFinding } from './types';

const MEMO = Symbol('passage memo');

/** What is worked out once per passage and kept with it: passages are never edited once linked. */
export interface PassageMemo {
  /** The countries the passage links, each once. */
  linked?: readonly string[];
  /** The countries it is about, each once. */
  subjects?: readonly string[];
  /** What the rules of `scheme` (a `TierScheme`, told apart by identity) found in it. */
  findings?: { scheme: object; found: readonly RuleFinding[] };
}

/**
 * A linked and dated passage as the atlas makes it (an `AtlasPassage`), with its memo in a private field. A private field is no
 * property: it never reaches JSON, IPC (structured clone, which sends a plain object with the same
 * fields) or deep equality. It is set up with the object, so a large import pays nothing to attach
 * memos to tens of thousands of passages, and reading one is a plain field read.
 */
export class MemoisedPassage implements LinkedPassage {
  readonly #memo: PassageMemo = {};
  id: string;
  sourceId: string;
  index: number;
  kind: PassageKind;
  text: string;
  citations: Citation[];
  links: Link[];
  events: TimelineEvent[];

  constructor(passage: Passage, links: Link[], events: TimelineEvent[]) {
    this.id = passage.id;
    this.sourceId = passage.sourceId;
    this.index = passage.index;
    this.kind = passage.kind;
    this.text = passage.text;
    this.citations = passage.citations;
    this.links = links;
    this.events = events;
  }

  static memoOf(passage: object): PassageMemo | undefined {
    return #memo in passage ? (passage as MemoisedPassage).#memo : undefined;
  }
}

/**
 * The memo kept on a passage, made on first use. A passage the atlas linked carries it from the
 * start (see {@link MemoisedPassage}); any other object gets it in a non-enumerable symbol property,
 * which likewise stays out of JSON, IPC and deep equality. A frozen passage gets a fresh memo each time.
 */
export function memoOf(passage: object): PassageMemo {
  const carried = MemoisedPassage.memoOf(passage);
  if (carried) return carried;
  const own = (passage as { [MEMO]?: PassageMemo })[MEMO];
  if (own) return own;
  const memo: PassageMemo = {};
  if (Object.isExtensible(passage)) Object.defineProperty(passage, MEMO, { value: memo, enumerable: false });
  return memo;
}
