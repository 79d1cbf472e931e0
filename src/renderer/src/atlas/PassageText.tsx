import { useTranslation } from 'react-i18next';
import type { Citation } from '../../../shared/atlas';
import { segmentPassage, type Mark } from './segments';

/** A passage as text nodes, with its highlights and citation markers; never parsed as HTML. */
export function PassageText({ text, marks, citations }: { text: string; marks: readonly Mark[]; citations: readonly Citation[] }) {
  const { t } = useTranslation();
  return (
    <>
      {segmentPassage(text, marks, citations).map((segment, index) => {
        if (segment.kind === 'citation') {
          return (
            <sup key={index} className="citation" title={t('panel.citation', { label: segment.label })}>
              [{segment.label}]
            </sup>
          );
        }
        if (segment.mark === 'evidence') return <mark key={index}>{segment.text}</mark>;
        if (segment.mark === 'tension') return <mark key={index} className="tension-mark">{segment.text}</mark>;
        return <span key={index}>{segment.text}</span>;
      })}
    </>
  );
}
