import './timeline.css';
import { useTranslation } from 'react-i18next';
import { useAtlas } from '../atlas/AtlasContext';
import { useInSteps } from '../ui/useInSteps';
import { eventsInRange, type AtlasEvent } from './timelineEvents';

interface TimelineViewProps {
  events: readonly AtlasEvent[];
  bounds: [number, number];
  range: [number, number];
  onRange: (range: [number, number]) => void;
  onSelectEvent: (event: AtlasEvent) => void;
}

/**
 * Events listed at first, and added per "Show more": a large imported document can date tens of
 * thousands of events, and listing them all took the tab seconds to open and each step of the
 * year range a second to follow.
 */
export const TIMELINE_STEP = 200;

/** Every dated event in order, with a year range that dims countries with no event in it. */
export function TimelineView({ events, bounds, range, onRange, onSelectEvent }: TimelineViewProps) {
  const { t } = useTranslation();
  const { atlas, names, language } = useAtlas();
  const [from, to] = range;
  const shown = eventsInRange(events, from, to);
  const steps = useInSteps(shown.length, TIMELINE_STEP);
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
      <p className="country-count" aria-live="polite">
        {t('timeline.count', { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="empty">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline-events">
          {shown.slice(0, steps.shown).map((event) => (
            <li key={`${event.passageId}-${event.start}`}>
              <button type="button" onClick={() => onSelectEvent(event)}>
                <span className="event-date">{event.text}</span>
                <span className="event-countries">
                  {event.countries.map((id) => `${names.get(id)?.flag ?? ''} ${names.get(id)?.name[language] ?? id}`).join(', ')}
                </span>
                <span className="event-snippet">{excerpt(atlas.passage(event.passageId)?.text ?? '', event.start)}</span>
              </button>
            </li>
          ))}
          {steps.left > 0 && (
            <li className="timeline-more">
              <button type="button" onClick={steps.more}>
                {t('timeline.showMore', { count: steps.next, left: steps.left })}
              </button>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}

function excerpt(text: string, around: number): string {
  const start = Math.max(0, around - 50);
  const end = Math.min(text.length, around + 90);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
