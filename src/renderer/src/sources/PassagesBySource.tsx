import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceInfo } from '../../../shared/atlas/summary';
import type { PassageView } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { PageError } from '../atlas/PageError';
import { usePageAround, usePassages } from '../atlas/usePages';

/**
 * How many passages a source's group lists at first, and how many more each "Show more" adds, each
 * page fetched from main: a large imported document can link thousands of passages to one country,
 * which the window never holds all at once.
 */
export const PASSAGE_STEP = 50;

interface PassagesBySourceProps {
  countryId: string;
  /** How many of the country's passages each source has, in the atlas's source order. */
  groups: readonly { sourceId: string; count: number }[];
  sources: readonly SourceInfo[];
  /** A passage that must be shown (the one search or the timeline asks for), however far down. */
  focusPassageId?: string | null;
  children: (passage: PassageView) => ReactNode;
}

/**
 * A country's passages grouped by the source they come from, each group under the source's title,
 * in the atlas's source order (the bundled source first). `children` renders one passage as a
 * list item. Each group lists its first {@link PASSAGE_STEP} passages and offers the rest in steps;
 * `focusPassageId`, when further down, is shown with the page that holds it after them.
 */
export function PassagesBySource({ countryId, groups, sources, focusPassageId = null, children }: PassagesBySourceProps) {
  const titles = new Map(sources.map((source) => [source.id, source]));
  return (
    <div className="passages">
      {groups.map(({ sourceId, count }) => {
        const source = titles.get(sourceId);
        return source ? <SourceGroup key={sourceId} countryId={countryId} source={source} count={count} focusPassageId={focusPassageId} render={children} /> : null;
      })}
    </div>
  );
}

function SourceGroup({
  countryId,
  source,
  count,
  focusPassageId,
  render,
}: {
  countryId: string;
  source: SourceInfo;
  count: number;
  focusPassageId: string | null;
  render: (passage: PassageView) => ReactNode;
}) {
  const { t } = useTranslation();
  const { view } = useAtlas();
  const query = { countryId, sourceId: source.id };
  const steps = usePassages(view, query, PASSAGE_STEP);
  // A passage asked for further down than the list goes is shown with the page that holds it,
  // after the list and with its place in the source, rather than loading the thousands before it.
  const listed = focusPassageId !== null && steps.items.some((passage) => passage.id === focusPassageId);
  const around = usePageAround(view, query, steps.total !== null && !listed ? focusPassageId : null, PASSAGE_STEP);
  const beyond = around?.passages.filter((passage) => passage.place >= steps.items.length) ?? [];
  // The passage asked for comes with a page from main, after the panel opened: in view once it is there.
  const focusShown = focusPassageId !== null && (listed || beyond.some((passage) => passage.id === focusPassageId));
  useEffect(() => {
    if (focusShown && focusPassageId) document.getElementById(`passage-${focusPassageId}`)?.scrollIntoView({ block: 'center' });
  }, [focusShown, focusPassageId]);
  const heading = `passage-source-${source.id}`;
  return (
    <section className="passage-source" aria-labelledby={heading} data-source={source.id} aria-busy={steps.loading}>
      <h4 id={heading}>{t('sources.panelGroup', { title: source.title })}</h4>
      <ol className="passage-group">{steps.items.map(render)}</ol>
      {steps.total === null && steps.error === null && <p className="muted">{t('pages.loading')}</p>}
      {steps.error !== null && <PageError error={steps.error} onRetry={steps.retry} />}
      {steps.left > 0 && (
        <button type="button" className="show-more" onClick={steps.more} disabled={steps.loading}>
          {t('panel.morePassages', { count: steps.next, left: steps.left })}
        </button>
      )}
      {beyond.length > 0 && (
        <>
          <p className="passage-place muted">{t('pages.around', { from: beyond[0]!.place + 1, to: beyond.at(-1)!.place + 1, total: steps.total ?? count })}</p>
          <ol className="passage-group passage-page" start={beyond[0]!.place + 1}>
            {beyond.map(render)}
          </ol>
        </>
      )}
    </section>
  );
}

/** Which sources the deciding passages of a country's tier come from, by title. */
export function DecidedBy({ sourceIds, sources }: { sourceIds: readonly string[]; sources: readonly SourceInfo[] }) {
  const { t } = useTranslation();
  const deciding = sources.filter((source) => sourceIds.includes(source.id));
  if (deciding.length === 0) return null;
  return (
    <p className="decided-by">
      {deciding.map((source) => t('sources.decidedBy', { title: source.title })).join(' · ')}
    </p>
  );
}
