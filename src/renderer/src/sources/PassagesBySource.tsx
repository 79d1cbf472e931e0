import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AtlasPassage, AtlasSource, Evidence } from '../../../shared/atlas';

/**
 * A country's passages grouped by the source they come from, each group under the source's title,
 * in the atlas's source order (the bundled source first). `children` renders one passage as a
 * list item.
 */
export function PassagesBySource({ passages, sources, children }: { passages: readonly AtlasPassage[]; sources: readonly AtlasSource[]; children: (passage: AtlasPassage) => ReactNode }) {
  const { t } = useTranslation();
  const groups = sources
    .map((source) => ({ source, passages: passages.filter((passage) => passage.sourceId === source.id) }))
    .filter((group) => group.passages.length > 0);
  return (
    <div className="passages">
      {groups.map(({ source, passages: own }) => {
        const heading = `passage-source-${source.id}`;
        return (
          <section key={source.id} className="passage-source" aria-labelledby={heading} data-source={source.id}>
            <h4 id={heading}>{t('sources.panelGroup', { title: source.title })}</h4>
            <ol className="passage-group">{own.map(children)}</ol>
          </section>
        );
      })}
    </div>
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
