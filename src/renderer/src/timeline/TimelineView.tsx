import './timeline.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventView } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { PageError } from '../atlas/PageError';
import { useEvents } from '../atlas/usePages';

interface TimelineViewProps {
  bounds: [number, number];
  range: [number, number];
  onRange: (range: [number, number]) => void;
  onSelectEvent: (event: EventView) => void;
}

/**
 * Events listed at first, and added per "Show more", each page fetched from main: a large imported
 * document can date tens of thousands of events, which the window never holds all at once.
 */
export const TIMELINE_STEP = 200;

/** Every dated event in order, with a year range that dims countries with no event in it. */
export function TimelineView({ bounds, range, onRange, onSelectEvent }: TimelineViewProps) {
  const { t } = useTranslation();
  const { view, names, language } = useAtlas();
  const [from, to] = range;
  const query = useMemo(() => ({ from, to }), [from, to]);
  const steps = useEvents(view, query, TIMELINE_STEP);
  const count = steps.total ?? 0;
  return (
    <section className="timeline-view" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="visually-hidden">
        {t('timeline.heading')}
      </h2>
      <fieldset className="year-range">
        <legend>{t('timeline.range', { from, to })}</legend>
        <label>
          {t('timeline.from')}
          <input
            type="range"
            min={bounds[0]}
            max={bounds[1]}
            value={from}
            onChange={(event) => onRange([Math.min(Number(event.target.value), to), to])}
          />
        </label>
        <label>
          {t('timeline.to')}
          <input
            type="range"
            min={bounds[0]}
            max={bounds[1]}
            value={to}
            onChange={(event) => onRange([from, Math.max(Number(event.target.value), from)])}
          />
        </label>
        <p className="muted">{t('timeline.dimHint')}</p>
      </fieldset>
      <p className="country-count" aria-live="polite" aria-busy={steps.total === null}>
        {steps.total === null ? t('pages.loading') : t('timeline.count', { count })}
      </p>
      {steps.error !== null && <PageError error={steps.error} onRetry={steps.retry} />}
      {steps.total === null ? null : steps.total === 0 ? (
        <p className="empty">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline-events">
          {steps.items.map((event) => (
            <li key={`${event.passageId}-${event.start}`}>
              <button type="button" onClick={() => onSelectEvent(event)}>
                <span className="event-date">{event.text}</span>
                <span className="event-countries">
                  {event.countries.map((id) => `${names.get(id)?.flag ?? ''} ${names.get(id)?.name[language] ?? id}`).join(', ')}
                </span>
                <span className="event-snippet">{event.excerpt}</span>
              </button>
            </li>
          ))}
          {steps.left > 0 && (
            <li className="timeline-more">
              <button type="button" onClick={steps.more} disabled={steps.loading}>
                {t('timeline.showMore', { count: steps.next, left: steps.left })}
              </button>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
