import type { AtlasModel } from '../atlas';
import { translate } from '../i18n';
import type { Language } from '../i18n/language';
import { briefingSection, sectionId, summaryOf } from './briefing';
import { capitalOf } from './capitals';
import { COMPARE_CSS, comparisonSection } from './compare';
import { prepare, type BriefingContext, type BriefingBuildOptions, type Prepared } from './context';
import { formatDay, formatNumber, isoDay } from './format';
import { escapeHtml, safeId } from '../html';
import { worldMap } from './maps';
import { PASSAGE_CAP_DEFAULT } from './options';
import { stylesheet, type PageGroup } from './style';

/** Nothing in a briefing may load anything: no script, no request, only its own inline style and SVG. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function complete(options: BriefingBuildOptions): Required<BriefingBuildOptions> {
  return { ...options, withMap: options.withMap ?? true, passages: options.passages ?? 'all', passageCap: options.passageCap ?? PASSAGE_CAP_DEFAULT };
}

function page(language: Language, title: string, css: string, body: string): string {
  return (
    `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">` +
    `<meta name="color-scheme" content="light"><title>${escapeHtml(title)}</title><style>${css}</style></head>` +
    `<body>${body}</body></html>`
  );
}

function pageGroup(prepared: Prepared, id: string, language: Language): PageGroup {
  const summary = summaryOf(prepared, id);
  const other: Language = language === 'en' ? 'ko' : 'en';
  return { name: sectionId(id), left: `${summary.name[language]} · ${summary.name[other]}` };
}

function furniture(prepared: Prepared, options: Required<BriefingBuildOptions>, ids: readonly string[]) {
  const t = (key: string) => translate(options.language, `briefing.${key}`);
  return {
    paper: options.paper,
    right: `${t('kicker')} · ${t('atlasName')}`,
    footer: `${t('atlasName')} · ${formatDay(prepared.context.generatedAt, options.language)}`,
    groups: ids.map((id) => pageGroup(prepared, id, options.language)),
    tiers: prepared.context.model.tiers,
  };
}

/** One self-contained HTML document for one country. */
export function buildBriefingHtml(context: BriefingContext, countryId: string, options: BriefingBuildOptions): string {
  const full = complete(options);
  const prepared = prepare(context);
  const summary = summaryOf(prepared, countryId);
  const title = translate(full.language, 'briefing.documentTitle', { name: summary.name[full.language] });
  return page(full.language, title, stylesheet(furniture(prepared, full, [countryId])), briefingSection(prepared, countryId, full));
}

/**
 * The countries the whole atlas has a briefing for: every country the sources cover, South Korea
 * left out (the atlas is about its relations with the others; its own briefing can still be
 * exported alone). Ordered as the table of contents lists them: by tier, strongest first (the
 * order of `model.tiers`), then by English name.
 */
export function atlasCountryIds(model: AtlasModel): string[] {
  const rank = new Map(model.tiers.map((tier) => [tier.id, tier.rank]));
  return Object.values(model.countries)
    .filter((country) => country.tier !== 'not-covered' && country.id !== model.homeId)
    .sort((a, b) => (rank.get(a.tier) ?? 0) - (rank.get(b.tier) ?? 0) || a.name.en.localeCompare(b.name.en, 'en') || (a.id < b.id ? -1 : 1))
    .map((country) => country.id);
}

/**
 * Cover world map coloured by tier with its legend, the table of contents, then one briefing per
 * `atlasCountryIds` country, each on a new page. `startPages` (country id → page where its briefing
 * starts) fills the contents' page numbers; without it each shows a placeholder, and the contents
 * take exactly as many pages either way (one fixed-height line per entry, fixed-width numbers).
 */
export function buildAtlasHtml(context: BriefingContext, options: BriefingBuildOptions, startPages: Readonly<Record<string, number>> | null): string {
  const full = complete(options);
  const prepared = prepare(context);
  const ids = atlasCountryIds(context.model);
  const t = (key: string, values?: Record<string, string | number>) => translate(full.language, `briefing.${key}`, values);
  const body = cover(prepared, full, ids.length) + contents(prepared, full, ids, startPages) + ids.map((id) => briefingSection(prepared, id, full)).join('');
  return page(full.language, t('atlasDocumentTitle'), stylesheet(furniture(prepared, full, ids)), body);
}

function cover(prepared: Prepared, options: Required<BriefingBuildOptions>, count: number): string {
  const { model, shapes, generatedAt } = prepared.context;
  const language = options.language;
  const t = (key: string, values?: Record<string, string | number>) => translate(language, `briefing.${key}`, values);
  const colours = new Map(model.tiers.map((tier) => [tier.id, tier.colour.light]));
  const fallback = colours.get('not-covered') ?? '#e4e4e4';
  const seoul = capitalOf(model.homeId);
  const home = seoul ? { lon: seoul.lon, lat: seoul.lat, label: seoul.name, kind: 'capital' as const } : null;
  const map = worldMap(shapes, (id) => colours.get(model.countries[id]?.tier ?? 'not-covered') ?? fallback, t('coverMapDescription'), home);
  const legend = model.tiers
    .map(
      (tier) =>
        `<li class="tier-${safeId(tier.id)}"><p class="legend-name"><span class="swatch" aria-hidden="true"></span>${escapeHtml(tier.label[language])}` +
        `<span class="count">${escapeHtml(t('legendCount', { count: formatNumber(model.counts[tier.id], language) }))}</span></p>` +
        `<p class="legend-definition">${escapeHtml(tier.definition[language])}</p></li>`,
    )
    .join('');
  return (
    '<section class="cover">' +
    `<h1>${escapeHtml(t('atlasName'))}</h1>` +
    `<p class="subtitle">${escapeHtml(t('atlasSubtitle'))}</p>` +
    map +
    `<p class="label legend-title">${escapeHtml(t('legend'))}</p><ul class="legend">${legend}</ul>` +
    `<p class="meta">${escapeHtml(t('method'))}</p>` +
    `<p class="meta">${escapeHtml(t('coverMeta', { count: formatNumber(count, language), date: formatDay(generatedAt, language) }))}</p>` +
    '</section>'
  );
}

function contents(prepared: Prepared, options: Required<BriefingBuildOptions>, ids: readonly string[], startPages: Readonly<Record<string, number>> | null): string {
  const language = options.language;
  const other: Language = language === 'en' ? 'ko' : 'en';
  const { model } = prepared.context;
  const lines: string[] = [];
  let group = '';
  for (const id of ids) {
    const tierId = model.countries[id]?.tier ?? 'not-covered';
    if (tierId !== group) {
      group = tierId;
      const tier = prepared.tiers.get(tierId);
      lines.push(`<li class="group tier-${safeId(tierId)}"><span class="swatch" aria-hidden="true"></span>${escapeHtml(tier?.label[language] ?? tierId)}</li>`);
    }
    const summary = summaryOf(prepared, id);
    const start = startPages?.[id];
    const number = start === undefined ? translate(language, 'briefing.pagePending') : formatNumber(start, language);
    const flag = summary.flag ? `<span class="flag" aria-hidden="true">${escapeHtml(summary.flag)}</span>` : '';
    lines.push(
      `<li class="entry"><a href="#${sectionId(id)}">${flag}<span class="name" lang="${language}">${escapeHtml(summary.name[language])}</span>` +
        `<span class="other" lang="${other}">${escapeHtml(summary.name[other])}</span><span class="leader"></span><span class="page">${escapeHtml(number)}</span></a></li>`,
    );
  }
  // A line before the heading: Chromium doubles the outline entry of a heading that opens a page after a forced break.
  return (
    `<section class="toc"><p class="kicker">${escapeHtml(translate(language, 'briefing.atlasName'))}</p>` +
    `<h1>${escapeHtml(translate(language, 'briefing.contents'))}</h1><ol>${lines.join('')}</ol></section>`
  );
}

/** The characters no file system of Windows, macOS or Linux accepts in a name, and control characters. */
function fileSafe(name: string): string {
  let cleaned = '';
  for (const character of name) {
    const code = character.codePointAt(0) ?? 0;
    cleaned += code < 0x20 || code === 0x7f || '<>:"/\\|?*'.includes(character) ? ' ' : character;
  }
  cleaned = cleaned.replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  // Windows reserves these device names whatever the extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(cleaned)) cleaned = `_${cleaned}`;
  return cleaned.slice(0, 180) || 'briefing';
}

/** The default file name of a country's briefing: `Japan — briefing — 2026-11-27.pdf`. */
export function briefingFileName(context: BriefingContext, countryId: string, options: BriefingBuildOptions): string {
  const summary = summaryOf(prepare(context), countryId);
  return `${fileSafe(translate(options.language, 'briefing.fileBriefing', { name: summary.name[options.language], date: isoDay(context.generatedAt) }))}.pdf`;
}

/** The default file name of the whole atlas: `Korea Relations Atlas — 2026-11-27.pdf`. */
export function atlasFileName(context: BriefingContext, options: BriefingBuildOptions): string {
  return `${fileSafe(translate(options.language, 'briefing.fileAtlas', { date: isoDay(context.generatedAt) }))}.pdf`;
}

/**
 * One self-contained HTML document comparing two countries: the side-by-side table and timeline by
 * year, then each country's full briefing with its sources.
 */
export function buildComparisonHtml(context: BriefingContext, a: string, b: string, options: BriefingBuildOptions): string {
  if (a === b) throw new Error('A comparison needs two different countries.');
  const full = complete(options);
  const prepared = prepare(context);
  const ids = [a, b] as const;
  const name = (id: string) => summaryOf(prepared, id).name[full.language];
  const title = translate(full.language, 'compare.documentTitle', { a: name(a), b: name(b) });
  const body = comparisonSection(prepared, ids, full) + ids.map((id) => briefingSection(prepared, id, full)).join('');
  return page(full.language, title, stylesheet(furniture(prepared, full, ids)) + COMPARE_CSS, body);
}

/** The default file name of a comparison: `Japan vs China — comparison — 2026-11-28.pdf`. */
export function comparisonFileName(context: BriefingContext, a: string, b: string, options: BriefingBuildOptions): string {
  const prepared = prepare(context);
  const name = (id: string) => summaryOf(prepared, id).name[options.language];
  return `${fileSafe(translate(options.language, 'compare.fileName', { a: name(a), b: name(b), date: isoDay(context.generatedAt) }))}.pdf`;
}
