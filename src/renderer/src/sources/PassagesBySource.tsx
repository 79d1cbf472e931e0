import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AtlasPassage, AtlasSource, Evidence } from '../../../shared/atlas';
import { useInSteps } from '../ui/useInSteps';

/**
 * How many passages a source's group lists at first, and how many more each "Show more" adds: a
 * large imported document can link thousands of passages to one country, and rendering them all
 * took the panel seconds to open.
 */
export const PASSAGE_STEP = 50;

interface PassagesBySourceProps {
  passages: readonly AtlasPassage[];
  sources: readonly AtlasSource[];
  /** A passage that must be shown (the one search or the timeline asks for), however far down. */
  focusPassageId?: string | null;
  children: (passage: AtlasPassage) => ReactNode;
}

/**
 * A country's passages grouped by the source they come from, each group under the source's title,
 * in the atlas's source order (the bundled source first). `children` renders one passage as a
 * list item. Each group lists its first {@link PASSAGE_STEP} passages and offers the rest in steps;
 * `focusPassageId`, when further down, is shown after them on its own.
 */
export function PassagesBySource({ passages, sources, focusPassageId = null, children }: PassagesBySourceProps) {
  const bySource = new Map<string, AtlasPassage[]>();
  for (const passage of passages) {
    const own = bySource.get(passage.sourceId);
    if (own) own.push(passage);
    else bySource.set(passage.sourceId, [passage]);
  }
  return (
    <div className="passages">
      {sources.map((source) => {
        const own = bySource.get(source.id);
        return own ? <SourceGroup key={source.id} source={source} passages={own} focusPassageId={focusPassageId} render={children} /> : null;
      })}
    </div>
  );
}

function SourceGroup({
  source,
  passages,
  focusPassageId,
  render,
}: {
  source: AtlasSource;
  passages: AtlasPassage[];
  focusPassageId: string | null;
  render: (passage: AtlasPassage) => ReactNode;
}) {
  const { t } = useTranslation();
  const steps = useInSteps(passages.length, PASSAGE_STEP);
  // A passage asked for further down than the list goes is shown on its own after it, with its
  // place in the source, rather than listing the thousands before it.
  const focused = focusPassageId === null ? -1 : passages.findIndex((passage) => passage.id === focusPassageId);
  const beyond = focused >= steps.shown ? passages[focused] : undefined;
  const heading = `passage-source-${source.id}`;
  return (
    <section className="passage-source" aria-labelledby={heading} data-source={source.id}>
      <h4 id={heading}>{t('sources.panelGroup', { title: source.title })}</h4>
      <ol className="passage-group">{passages.slice(0, steps.shown).map(render)}</ol>
      {steps.left > 0 && (
        <button type="button" className="show-more" onClick={steps.more}>
          {t('panel.morePassages', { count: steps.next, left: steps.left })}
        </button>
      )}
      {beyond && (
        <>
          <p className="passage-place muted">{t('panel.passageAt', { place: focused + 1, total: passages.length })}</p>
          <ol className="passage-group" start={focused + 1}>
            {render(beyond)}
          </ol>
        </>
      )}
    </section>
  );
}

/** Which sources the deciding passages of a country's tier come from, by title. */
export function DecidedBy({ evidence, passage, sources }: { evidence: readonly Evidence[]; passage: (id: string) => AtlasPassage | undefined; sources: readonly AtlasSource[] }) {
  const { t } = useTranslation();
  const ids = new Set(evidence.map((item) => passage(item.passageId)?.sourceId));
  const deciding = sources.filter((source) => ids.has(source.id));
  if (deciding.length === 0) return null;
  return (
    <p className="decided-by">
      {deciding.map((source) => t('sources.decidedBy', { title: source.title })).join(' · ')}
    </p>
  );
}
