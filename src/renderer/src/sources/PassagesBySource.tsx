import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceInfo } from '../../../shared/atlas/summary';
import type { PassageView } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { PageError } from '../atlas/PageError';
import { usePageAround, usePassages } from '../atlas/usePages';
import { openAtFirst, PASSAGE_STEP } from './openGroups';

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
  const { t } = useTranslation();
  const { view } = useAtlas();
  const titles = new Map(sources.map((source) => [source.id, source]));
  // Groups the user opened, on top of those that open at first; a new country starts again.
  const [opened, setOpened] = useState<{ countryId: string; ids: ReadonlySet<string>; last: string | null }>({ countryId, ids: new Set(), last: null });
  const userOpened = opened.countryId === countryId ? opened.ids : new Set<string>();
  // The group just opened takes the focus from its button, which is gone.
  const open = (sourceId: string) => setOpened({ countryId, ids: new Set([...userOpened, sourceId]), last: sourceId });
  const first = openAtFirst(groups);
  // The passage asked for (by search or the timeline) opens its source's group, wherever it is.
  const focusPage = usePageAround(view, { countryId }, focusPassageId, 1);
  const focusedSource = focusPage?.passages.find((passage) => passage.id === focusPassageId)?.sourceId ?? null;
  return (
    <div className="passages">
      {groups.map(({ sourceId, count }) => {
        const source = titles.get(sourceId);
        if (!source) return null;
        if (first.has(sourceId) || userOpened.has(sourceId) || focusedSource === sourceId) {
          return (
            <SourceGroup
              key={sourceId}
              countryId={countryId}
              source={source}
              count={count}
              focusPassageId={focusPassageId}
              takeFocus={opened.countryId === countryId && opened.last === sourceId}
              render={children}
            />
          );
        }
        const heading = `passage-source-${source.id}`;
        return (
          <section key={sourceId} className="passage-source" aria-labelledby={heading} data-source={source.id} data-closed="">
            <h4 id={heading}>{t('sources.panelGroup', { title: source.title })}</h4>
            <button type="button" className="show-more" aria-expanded={false} onClick={() => open(sourceId)}>
              {t('sources.showGroup', { count })}
            </button>
          </section>
        );
      })}
    </div>
  );
}

function SourceGroup({
  countryId,
  source,
  count,
  focusPassageId,
  takeFocus,
  render,
}: {
  countryId: string;
  source: SourceInfo;
  count: number;
  focusPassageId: string | null;
  takeFocus: boolean;
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) headingRef.current?.focus();
  }, [takeFocus]);
  return (
    <section className="passage-source" aria-labelledby={heading} data-source={source.id} aria-busy={steps.loading}>
      <h4 id={heading} ref={headingRef} tabIndex={-1}>
        {t('sources.panelGroup', { title: source.title })}
      </h4>
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
