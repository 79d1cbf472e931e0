import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountrySummary, Language } from '../../../shared/contract';
import { HOME_COUNTRY_ID } from '../../../shared/countries';

interface CountryPanelProps {
  country: CountrySummary;
  language: Language;
  onClose: () => void;
  /** Move focus into the panel when it opens (opened from the map rather than the list). */
  takeFocus: boolean;
}

/** The side panel of one country: names in both languages, flag, region, capital and code. */
export function CountryPanel({ country, language, onClose, takeFocus }: CountryPanelProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const other: Language = language === 'en' ? 'ko' : 'en';

  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [country.id, takeFocus]);

  const subregionKey = `subregions.${country.subregion}`;
  return (
    <aside className="panel" aria-labelledby="panel-heading" data-country={country.id}>
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
      </header>
      {country.id === HOME_COUNTRY_ID && <p className="panel-home">{t('panel.homeCountry')}</p>}
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
            <dd>{t(subregionKey, { defaultValue: country.subregion })}</dd>
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
    </aside>
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
