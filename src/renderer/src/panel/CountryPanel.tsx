import './panel.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierBasis } from '../../../shared/atlas';
import type { CountryDetail, CountryOverview, SourceInfo } from '../../../shared/atlas/summary';
import type { CountrySummary, Language } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { PageError } from '../atlas/PageError';
import { PassageText } from '../atlas/PassageText';
import type { Mark } from '../atlas/segments';
import { useCountryDetail, useEvents, usePassages, type DetailState } from '../atlas/usePages';
import { TierBadge } from '../legend/TierBadge';
import { CountryNotes, DetachedNotes } from '../notes/CountryNotes';
import { useNotes } from '../notes/NotesContext';
import { PassageNotes } from '../notes/PassageNotes';
import { TierOverride } from '../notes/TierOverride';
import { CopyCitation } from './CopyCitation';
import { DecidedBy, PassagesBySource } from '../sources/PassagesBySource';

/** Passages that decide the tier listed at first under "Why this tier"; the rest come on request, a page at a time from main. */
export const DECIDING_FIRST = 5;
/** Deciding passages added per "Show more". */
export const DECIDING_STEP = 20;
/** Dated events listed at first in the panel's timeline, and added per "Show more" (a page from main). */
export const EVENT_STEP = 100;

interface CountryPanelProps {
  country: CountrySummary;
  onClose: () => void;
  onSelectCountry: (id: string) => void;
  /** Move focus into the panel when it opens (opened from the map rather than the list). */
  takeFocus: boolean;
  /** A passage to scroll to and highlight (from search or the timeline). */
  focusPassageId: string | null;
  /** The organisation whose members the map highlights. */
  body: string | null;
  onBody: (id: string | null) => void;
  /** Opens the PDF export of this country's briefing. */
  onExportPdf: () => void;
  /** Opens the comparison of this country with another; absent, no button. */
  onCompare?: () => void;
}

/**
 * The side panel of one country: names, its tier and why, tensions, every passage of the sources in
 * source order with citation markers, dated events, shared memberships, co-mentioned countries and
 * the attribution of every source shown.
 */
export function CountryPanel({
  country,
  onClose,
  onSelectCountry,
  takeFocus,
  focusPassageId,
  body,
  onBody,
  onExportPdf,
  onCompare,
}: CountryPanelProps) {
  const { t } = useTranslation();
  const { atlas, view, names, language } = useAtlas();
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const other: Language = language === 'en' ? 'ko' : 'en';
  const entry = atlas.country(country.id);
  const tier = atlas.tier(atlas.tierOf(country.id));
  // What grows with the sources (evidence lines, sources, countries named beside it) comes from main.
  const more = useCountryDetail(view, entry ? country.id : null);
  const { detail } = more;
  const { overrides } = useNotes();
  const overridden = overrides.has(country.id);
  // A passage the panel's own timeline asked for: shown (on its own if its list has not reached it),
  // then scrolled to. A newer request from outside (another country, a search) takes over.
  const [revealed, setRevealed] = useState<{ countryId: string; over: string | null; passageId: string } | null>(null);
  const shownPassageId = revealed?.countryId === country.id && revealed.over === focusPassageId ? revealed.passageId : focusPassageId;

  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [country.id, takeFocus]);

  useEffect(() => {
    if (focusPassageId) panel.current?.querySelector(`#passage-${CSS.escape(focusPassageId)}`)?.scrollIntoView({ block: 'center' });
    else panel.current?.scrollTo({ top: 0 });
  }, [country.id, focusPassageId]);

  useEffect(() => {
    if (revealed) panel.current?.querySelector(`#passage-${CSS.escape(revealed.passageId)}`)?.scrollIntoView({ block: 'center' });
  }, [revealed]);

  return (
    <aside ref={panel} className="panel" aria-labelledby="panel-heading" data-country={country.id}>
      <header className="panel-header">
        <span className="panel-flag" role="img" aria-label={country.flag ? country.name[language] : t('panel.noFlag')}>
          {country.flag || '▫'}
        </span>
        <div>
          <h2 id="panel-heading" ref={heading} tabIndex={-1}>
            {country.name[language]}
          </h2>
          <p className="panel-other-name" lang={other}>
            {country.name[other]}
          </p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('panel.close')} title={t('panel.closeHint')}>
          ×
        </button>
        <div className="panel-actions">
          <button type="button" className="panel-export" onClick={onExportPdf}>
            {t('pdfExport.button')}
          </button>
          {onCompare && (
            <button type="button" className="panel-export" onClick={onCompare}>
              {t('compare.open')}
            </button>
          )}
        </div>
      </header>

      <section className="panel-tier" aria-labelledby="panel-tier-heading">
        <h3 id="panel-tier-heading" className="visually-hidden">
          {t('panel.relationship')}
        </h3>
        {overridden && <span className="muted tier-source-label">{t('notes.override.source')} </span>}
        <TierBadge tier={tier} language={language} />
        <p className="tier-definition">{tier.definition[language]}</p>
        {entry?.basis && entry.tier === tier.id && <TierBasisNote basis={entry.basis} />}
        {tier.id === 'not-covered' && <p className="panel-note">{t('panel.notCovered')}</p>}
        {tier.id === 'mentioned' && <p className="panel-note">{t('panel.mentionedOnly')}</p>}
        {tier.id === 'home' && <p className="panel-note">{t('panel.homeCountry')}</p>}
      </section>

      {tier.id !== 'home' && (
        <TierOverride key={`${country.id}-${overrides.get(country.id)?.updatedAt ?? ''}`} countryId={country.id} />
      )}
      {entry && entry.decidingPassages > 0 && <Why key={`why-${country.id}`} entry={entry} detail={detail} />}
      {detail && detail.tensions.length > 0 && <Tensions detail={detail} />}
      <CountryNotes key={`notes-${country.id}`} countryId={country.id} />
      {entry && entry.passages > 0 && <Passages key={`passages-${country.id}`} entry={entry} more={more} focusPassageId={shownPassageId} sources={detail?.sources ?? []} />}
      <DetachedNotes countryId={country.id} />
      {entry && entry.events > 0 && (
        <Timeline key={`timeline-${country.id}`} countryId={country.id} onShowPassage={(passageId) => setRevealed({ countryId: country.id, over: focusPassageId, passageId })} />
      )}
      {entry && entry.memberships.length > 0 && <Memberships entry={entry} body={body} onBody={onBody} />}
      {detail && detail.coMentioned.length > 0 && (
        <section aria-labelledby="panel-co-heading">
          <h3 id="panel-co-heading">{t('panel.coMentioned')}</h3>
          <ul className="chips">
            {detail.coMentioned.map((id) => (
              <li key={id}>
                <button type="button" className="chip" onClick={() => onSelectCountry(id)}>
                  {names.get(id)?.flag} {names.get(id)?.name[language] ?? id}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Facts country={country} />
      {detail && detail.passagesBySource.length > 0 && <Attribution detail={detail} />}
    </aside>
  );
}

// "Why this tier" marks only the deciding phrases; the passages below mark tensions too.
function evidenceOnly(marks: readonly Mark[]): Mark[] {
  return marks.filter((mark) => mark.kind === 'evidence');
}

/** Says when the sources' tier rests on an aspiration only, on a single mention, or on the atlas editors' decision. */
function TierBasisNote({ basis }: { basis: TierBasis }) {
  const { t } = useTranslation();
  const text = basis === 'aspiration' ? t('panel.tierBasis.aspiration') : basis === 'single-mention' ? t('panel.tierBasis.singleMention') : t('panel.tierBasis.curated');
  return (
    <p className="panel-note tier-basis" data-basis={basis}>
      {text}
    </p>
  );
}

function Why({ entry, detail }: { entry: CountryOverview; detail: CountryDetail | null }) {
  const { t } = useTranslation();
  const { view } = useAtlas();
  const steps = usePassages(view, { countryId: entry.id, deciding: true }, DECIDING_FIRST, DECIDING_STEP);
  return (
    <section className="panel-why" aria-labelledby="panel-why-heading" aria-busy={steps.loading}>
      <h3 id="panel-why-heading">{t('panel.why')}</h3>
      {detail && <DecidedBy sourceIds={detail.decidingSources} sources={detail.sources} />}
      {entry.decidedBy === 'curated' && <p className="panel-note">{t('panel.whyCurated')}</p>}
      {steps.items.map((passage) => (
        <blockquote key={passage.id} className="evidence">
          <PassageText text={passage.text} marks={evidenceOnly(passage.marks)} citations={passage.citations} />
        </blockquote>
      ))}
      {steps.total === null && steps.error === null && <p className="muted">{t('pages.loading')}</p>}
      {steps.error !== null && <PageError error={steps.error} onRetry={steps.retry} />}
      {steps.left > 0 && (
        <button type="button" className="show-more" onClick={steps.more} disabled={steps.loading}>
          {t('panel.moreDeciding', { count: steps.next, left: steps.left })}
        </button>
      )}
    </section>
  );
}

function Tensions({ detail }: { detail: CountryDetail }) {
  const { t } = useTranslation();
  const kinds = detail.tensions;
  return (
    <section aria-labelledby="panel-tensions-heading">
      <h3 id="panel-tensions-heading">{t('panel.tensions')}</h3>
      <ul className="chips">
        {kinds.map((kind) => (
          <li key={kind} className="tension-flag">
            <span aria-hidden="true">⚠ </span>
            {t(`tensions.${kind}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface PassagesProps {
  entry: CountryOverview;
  /** Its passages by source come with the country's detail. */
  more: DetailState;
  focusPassageId: string | null;
  sources: readonly SourceInfo[];
}

function Passages({ entry, more, focusPassageId, sources }: PassagesProps) {
  const { t } = useTranslation();
  const { detail, error, retry } = more;
  return (
    <section aria-labelledby="panel-passages-heading" aria-busy={detail === null && error === null}>
      <h3 id="panel-passages-heading">{t('panel.passages', { count: entry.passages })}</h3>
      {detail === null && error === null && <p className="muted">{t('pages.loading')}</p>}
      {error !== null && <PageError error={error} onRetry={retry} />}
      <PassagesBySource countryId={entry.id} groups={detail?.passagesBySource ?? []} sources={sources} focusPassageId={focusPassageId}>
        {(passage) => {
          const { venueOnly } = passage;
          return (
            <li
              key={passage.id}
              id={`passage-${passage.id}`}
              className={passage.id === focusPassageId ? 'passage focused' : 'passage'}
              data-kind={passage.kind}
            >
              {passage.kind === 'caption' && <span className="passage-kind">{t('panel.caption')} · </span>}
              <PassageText text={passage.text} marks={passage.marks} citations={passage.citations} />
              {venueOnly && <span className="passage-kind"> ({t('panel.venueOnly')})</span>}
              <CopyCitation passageId={passage.id} />
              <PassageNotes countryId={entry.id} passage={passage} />
            </li>
          );
        }}
      </PassagesBySource>
    </section>
  );
}

function Timeline({ countryId, onShowPassage }: { countryId: string; onShowPassage: (passageId: string) => void }) {
  const { t } = useTranslation();
  const { view } = useAtlas();
  const steps = useEvents(view, { countryId }, EVENT_STEP);
  return (
    <section aria-labelledby="panel-timeline-heading" aria-busy={steps.loading}>
      <h3 id="panel-timeline-heading">{t('panel.timeline')}</h3>
      <ol className="panel-timeline">
        {steps.items.map((event) => (
          <li key={`${event.passageId}-${event.start}`}>
            <button
              type="button"
              className="link-button"
              aria-label={`${event.text}: ${t('panel.showPassage')}`}
              onClick={() => onShowPassage(event.passageId)}
            >
              {event.text}
            </button>
          </li>
        ))}
      </ol>
      {steps.total === null && steps.error === null && <p className="muted">{t('pages.loading')}</p>}
      {steps.error !== null && <PageError error={steps.error} onRetry={steps.retry} />}
      {steps.left > 0 && (
        <button type="button" className="show-more" onClick={steps.more} disabled={steps.loading}>
          {t('panel.moreEvents', { count: steps.next, left: steps.left })}
        </button>
      )}
    </section>
  );
}

interface MembershipsProps {
  entry: CountryOverview;
  body: string | null;
  onBody: (id: string | null) => void;
}

function Memberships({ entry, body, onBody }: MembershipsProps) {
  const { t } = useTranslation();
  const { atlas, language } = useAtlas();
  const organisations = atlas.model.organisations.filter((organisation) => entry.memberships.includes(organisation.id));
  return (
    <section aria-labelledby="panel-members-heading">
      <h3 id="panel-members-heading">{t('panel.memberships')}</h3>
      <ul className="chips">
        {organisations.map((organisation) => (
          <li key={organisation.id}>
            <button
              type="button"
              className="chip"
              aria-pressed={body === organisation.id}
              aria-label={t('panel.showMembers', { name: organisation.names[language] })}
              title={t('panel.membershipsAsOf', { date: organisation.asOf })}
              onClick={() => onBody(body === organisation.id ? null : organisation.id)}
            >
              {organisation.names[language]}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Facts({ country }: { country: CountrySummary }) {
  const { t } = useTranslation();
  return (
    <dl className="panel-facts">
      <dt>{t('panel.englishName')}</dt>
      <dd lang="en">
        <Names common={country.name.en} official={country.officialName.en} />
      </dd>
      <dt>{t('panel.koreanName')}</dt>
      <dd lang="ko">
        <Names common={country.name.ko} official={country.officialName.ko} />
      </dd>
      <dt>{t('panel.region')}</dt>
      <dd>{t(`regions.${country.region}`, { defaultValue: country.region })}</dd>
      {country.subregion && (
        <>
          <dt>{t('panel.subregion')}</dt>
          <dd>{t(`subregions.${country.subregion}`, { defaultValue: country.subregion })}</dd>
        </>
      )}
      {country.capital.length > 0 && (
        <>
          <dt>{t('panel.capital')}</dt>
          <dd>{country.capital.join(', ')}</dd>
        </>
      )}
      <dt>{t('panel.isoCode')}</dt>
      <dd>{country.iso3 ?? t('panel.noIsoCode', { id: country.id })}</dd>
    </dl>
  );
}

function Attribution({ detail }: { detail: CountryDetail }) {
  const { t } = useTranslation();
  return (
    <footer className="panel-attribution">
      <h3>{t('panel.sources')}</h3>
      {detail.sources.map((source) => (
        <p key={source.id}>{t('panel.attribution', { title: source.title, author: source.author, licence: source.licence })}</p>
      ))}
    </footer>
  );
}

/** A common name, with the official one beneath it when they differ. */
function Names({ common, official }: { common: string; official: string }) {
  return (
    <>
      {common}
      {official !== common && <span className="official-name">{official}</span>}
    </>
  );
}
