import type { AtlasCountry, AtlasPassage, Tier } from '../atlas';
import type { NoteView } from '../contract';
import type { CountrySummary } from '../countries';
import { DATA_SOURCES } from '../dataSources';
import { translate } from '../i18n';
import type { Language } from '../i18n/language';
import { capitalOf, capitalsFile } from './capitals';
import type { BriefingBuildOptions, Prepared } from './context';
import { formatDay, formatEventDate, formatNumber } from './format';
import { angle, centreOf, groupBy, shapeIndex } from './geo';
import { escapeHtml, safeId } from '../html';
import { EARTH_RADIUS_KM, locatorMap, type MapPlace } from './maps';
import { noteHtml } from './noteHtml';
import { mostRelevantPassages } from './relevance';
import { richText, sentenceAround, type Highlight } from './richText';

/** A passage shorter than this is kept on one page; a longer one may break, three lines at least each side. */
const SHORT_PASSAGE = 700;

/** What every part of one briefing needs. */
interface Briefing {
  prepared: Prepared;
  id: string;
  summary: CountrySummary;
  entry: AtlasCountry | null;
  tier: Tier;
  /** The passages printed, in source order: every one, or the most relevant up to the cap. */
  passages: AtlasPassage[];
  /** Passage id → its number among all the country's passages, from 1, for the passages printed. */
  numbers: Map<string, number>;
  /** The country's passages in all, and how many of them are left out. */
  total: number;
  leftOut: number;
  /** Ids of all the country's passages, printed or not. */
  every: ReadonlySet<string>;
  notes: readonly NoteView[];
  options: Required<BriefingBuildOptions>;
  t: (key: string, values?: Record<string, string | number>) => string;
}

/** The names a country is known by, from the country list, else from the atlas model. */
export function summaryOf(prepared: Prepared, id: string): CountrySummary {
  const listed = prepared.countries.get(id);
  if (listed) return listed;
  const entry = prepared.context.model.countries[id];
  if (!entry) throw new Error(`No country ${id} in the atlas.`);
  return { id, iso3: id, name: entry.name, officialName: entry.name, flag: '', region: '', subregion: '', capital: [], altNames: [] };
}

/** The element id of a country's briefing, which the table of contents links to. */
export function sectionId(id: string): string {
  return `c-${safeId(id)}`;
}

/** One country's briefing as a `<section>`, named for its running header. */
export function briefingSection(prepared: Prepared, id: string, options: Required<BriefingBuildOptions>): string {
  const { model } = prepared.context;
  const summary = summaryOf(prepared, id);
  const entry = model.countries[id] ?? null;
  const tierId = entry?.tier ?? 'not-covered';
  const tier = prepared.tiers.get(tierId);
  if (!tier) throw new Error(`The atlas has no tier ${tierId}.`);
  const all = (entry?.passageIds ?? []).map((passageId) => prepared.passages.get(passageId)).filter((p): p is AtlasPassage => p !== undefined);
  const place = new Map(all.map((passage, index) => [passage.id, index + 1]));
  const { shown: passages, left } = entry && options.passages === 'deciding-and-most-relevant' ? mostRelevantPassages(id, entry, all, options.passageCap) : { shown: all, left: 0 };
  const briefing: Briefing = {
    prepared,
    id,
    summary,
    entry: entry && left > 0 ? keepTo(entry, new Set(passages.map((passage) => passage.id))) : entry,
    tier,
    passages,
    numbers: new Map(passages.map((passage) => [passage.id, place.get(passage.id)!])),
    total: all.length,
    leftOut: left,
    every: new Set(place.keys()),
    notes: options.includeNotes ? (prepared.notes.get(id) ?? []) : [],
    options,
    t: (key, values) => translate(options.language, `briefing.${key}`, values),
  };
  const language = options.language;
  return (
    `<section class="briefing ${sectionId(id)}" id="${sectionId(id)}" data-country="${escapeHtml(id)}">` +
    titleBlock(briefing) +
    (options.withMap ? `<div class="overview">${mapFigure(briefing)}${facts(briefing)}</div>` : `<div class="overview no-map">${facts(briefing)}</div>`) +
    relationship(briefing) +
    timeline(briefing) +
    passagesSection(briefing) +
    (options.includeNotes ? notesSection(briefing) : '') +
    colophon(briefing, language) +
    '</section>'
  );
}

function titleBlock(b: Briefing): string {
  const { summary, options, t } = b;
  const language = options.language;
  const other: Language = language === 'en' ? 'ko' : 'en';
  const flag = summary.flag ? `<span class="flag" role="img" aria-label="${escapeHtml(summary.name[language])}">${escapeHtml(summary.flag)}</span>` : '';
  const official =
    summary.officialName.en === summary.name.en && summary.officialName.ko === summary.name.ko
      ? ''
      : `<p class="official"><span class="label">${escapeHtml(t('officialName'))}</span><span lang="en">${escapeHtml(summary.officialName.en)}</span> · <span lang="ko">${escapeHtml(summary.officialName.ko)}</span></p>`;
  return (
    '<header class="title-block">' +
    `<p class="kicker">${escapeHtml(t('kicker'))} · ${escapeHtml(t('atlasName'))}</p>` +
    `<div class="title-row">${flag}<div><h1 lang="${language}">${escapeHtml(summary.name[language])}</h1>` +
    `<p class="other-name" lang="${other}">${escapeHtml(summary.name[other])}</p></div></div>` +
    official +
    `<p class="tier-badge tier-${safeId(b.tier.id)}">${swatch()}${escapeHtml(b.tier.label[language])}</p>` +
    '</header>'
  );
}

function swatch(): string {
  return '<span class="swatch" aria-hidden="true"></span>';
}

function placeOf(b: Briefing, id: string, summary: CountrySummary): MapPlace | null {
  const capital = capitalOf(id);
  if (capital) return { lon: capital.lon, lat: capital.lat, label: capital.name, kind: 'capital' };
  const centre = centreOf(shapeIndex(b.prepared.context.shapes), id);
  if (!centre) return null;
  return { lon: centre[0], lat: centre[1], label: b.t('centreOf', { name: summary.name[b.options.language] }), kind: 'centre' };
}

function mapFigure(b: Briefing): string {
  const { prepared, id, summary, options, t } = b;
  const language = options.language;
  const homeId = prepared.context.model.homeId;
  const home = summaryOf(prepared, homeId);
  const homeTier = prepared.tiers.get('home');
  const subjectPlace = placeOf(b, id, summary);
  const homePlace = id === homeId ? subjectPlace : placeOf(b, homeId, home);
  const name = summary.name[language];
  const map = locatorMap({
    shapes: prepared.context.shapes,
    subject: { id, colour: b.tier.colour.light, place: subjectPlace },
    home: { id: homeId, colour: homeTier?.colour.light ?? '#6E43B0', place: homePlace },
    description: t('mapDescription', { name }),
  });
  let caption: string;
  if (id === homeId) caption = t('mapCaptionHome');
  else if (map.distanceKm !== null && subjectPlace && homePlace) {
    const values = { name, from: homePlace.label, to: subjectPlace.label, distance: formatNumber(map.distanceKm, language) };
    caption = t(map.far ? 'mapCaptionFar' : 'mapCaptionNear', values);
  } else caption = t('mapCaptionPlain', { name });
  const keys =
    id === homeId
      ? ''
      : `<span class="key tier-${safeId(b.tier.id)}">${swatch()}${escapeHtml(name)}</span><span class="key tier-home">${swatch()}${escapeHtml(home.name[language])}</span>`;
  const centreNote = subjectPlace?.kind === 'centre' ? ` ${escapeHtml(t('centreNote', { name }))}` : '';
  return `<figure class="map">${map.svg}<figcaption>${keys}${escapeHtml(caption)}${centreNote}</figcaption></figure>`;
}

function facts(b: Briefing): string {
  const { summary, entry, options, t, prepared } = b;
  const language = options.language;
  const rows: [string, string][] = [];
  rows.push([t('capital'), summary.capital.length > 0 ? escapeHtml(summary.capital.join(', ')) : escapeHtml(t('noCapital'))]);
  const region = [regionName(language, 'regions', summary.region), regionName(language, 'subregions', summary.subregion)].filter((part) => part !== '');
  if (region.length > 0) rows.push([t('region'), escapeHtml(region.join(' · '))]);
  rows.push([t('isoCode'), escapeHtml(summary.iso3 ?? t('noIsoCode', { id: summary.id }))]);
  const homeId = prepared.context.model.homeId;
  const here = capitalOf(b.id);
  const seoul = capitalOf(homeId);
  if (b.id !== homeId && here && seoul) {
    rows.push([t('distance'), escapeHtml(t('distanceValue', { distance: formatNumber(greatCircleKm(here, seoul), language) }))]);
  }
  if (b.id !== homeId) rows.push([t('memberships'), memberships(b)]);
  if (entry && entry.coMentioned.length > 0) {
    const names = entry.coMentioned.map((other) => escapeHtml(prepared.countries.get(other)?.name[language] ?? other));
    rows.push([t('coMentioned'), names.join(', ')]);
  }
  rows.push([t('passageCount'), formatNumber(b.total, language)]);
  return `<div class="facts-column"><h2>${escapeHtml(t('facts'))}</h2><dl class="facts">${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl></div>`;
}

function greatCircleKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  return angle([a.lon, a.lat], [b.lon, b.lat]) * EARTH_RADIUS_KM;
}

function regionName(language: Language, group: 'regions' | 'subregions', name: string): string {
  if (name === '') return '';
  try {
    return translate(language, `${group}.${name}`);
  } catch {
    return name;
  }
}

function memberships(b: Briefing): string {
  const language = b.options.language;
  const shared = b.prepared.context.model.organisations.filter((organisation) => b.entry?.memberships.includes(organisation.id));
  if (shared.length === 0) return escapeHtml(b.t('noMemberships'));
  const dates = [...new Set(shared.map((organisation) => organisation.asOf))].sort();
  const asOf = dates.map((date) => formatDay(new Date(`${date}T12:00:00`), language)).join(', ');
  return `${shared.map((organisation) => escapeHtml(organisation.names[language])).join(', ')} <span class="asof">${escapeHtml(b.t('membershipsAsOf', { date: asOf }))}</span>`;
}

function passageRef(b: Briefing, passageId: string): string {
  const number = b.numbers.get(passageId);
  if (number === undefined) return '';
  return `<a class="ref" href="#${passageAnchor(b, number)}">${escapeHtml(b.t('passageRef', { number }))}</a>`;
}

function passageAnchor(b: Briefing, number: number): string {
  return `p-${safeId(b.id)}-${number}`;
}

function relationship(b: Briefing): string {
  const { tier, entry, options, t, prepared } = b;
  const language = options.language;
  const override = prepared.overrides.get(b.id);
  const sourceBox = `<div class="tier-box tier-${safeId(tier.id)}"><p class="label">${escapeHtml(t('tierFromSources'))}</p><p class="tier-name">${swatch()}${escapeHtml(tier.label[language])}</p><p>${escapeHtml(tier.definition[language])}</p></div>`;
  let boxes = sourceBox;
  if (override) {
    const yours = prepared.tiers.get(override.tier);
    const reason = override.reason.trim() === '' ? `<p class="muted">${escapeHtml(t('noReason'))}</p>` : `<p><span class="label">${escapeHtml(t('yourReason'))}</span><br><span class="reason">${escapeHtml(override.reason)}</span></p>`;
    boxes =
      `<div class="tier-box yours tier-${safeId(override.tier)}"><p class="label">${escapeHtml(t('yourTier'))}</p><p class="tier-name">${swatch()}${escapeHtml(yours?.label[language] ?? override.tier)}</p>${reason}</div>` +
      sourceBox;
  }
  let status = '';
  if (tier.id === 'not-covered') status = t('notCovered', { name: b.summary.name[language] });
  else if (tier.id === 'mentioned') status = t('mentionedOnly');
  else if (tier.id === 'home') status = t('homeCountry');
  return (
    `<h2>${escapeHtml(t('relationship'))}</h2>` +
    `<div class="tiers">${boxes}</div>` +
    (status ? `<p class="note-line">${escapeHtml(status)}</p>` : '') +
    (entry && entry.evidence.length > 0 ? why(b, entry) : '') +
    (entry && entry.tensions.length > 0 ? tensions(b, entry) : '')
  );
}

function why(b: Briefing, entry: AtlasCountry): string {
  const { t } = b;
  const quotes: string[] = [];
  for (const [passageId, found] of groupBy(entry.evidence, (evidence) => evidence.passageId)) {
    const passage = b.prepared.passages.get(passageId);
    if (!passage) continue;
    const highlights: Highlight[] = found.map((evidence) => ({ start: evidence.start, end: evidence.end, kind: 'evidence' }));
    for (const range of mergedSentences(passage.text, found)) {
      const inside = found.filter((evidence) => evidence.start < range.to && evidence.end > range.from);
      const rules = [...new Set(inside.map((evidence) => (evidence.rule === 'curated' ? t('curated') : t('rule', { rule: evidence.rule }))))];
      quotes.push(
        `<blockquote class="evidence"><p lang="en">${richText(passage.text, highlights, passage.citations, range.from, range.to)}</p>` +
          `<p class="why-meta">${passageRef(b, passageId)} · ${escapeHtml(rules.join(', '))}</p></blockquote>`,
      );
    }
  }
  const intro = entry.decidedBy === 'curated' ? t('whyCurated') : t('whyRules');
  return `<h3>${escapeHtml(t('why'))}</h3><p class="note-line">${escapeHtml(intro)}</p>${quotes.join('')}`;
}

/** The sentences holding each span, merged where spans share a sentence, in text order. */
function mergedSentences(text: string, spans: readonly { start: number; end: number }[]): { from: number; to: number }[] {
  const ranges = spans.map((span) => sentenceAround(text, span.start, span.end)).sort((x, y) => x.from - y.from);
  const merged: { from: number; to: number }[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

function tensions(b: Briefing, entry: AtlasCountry): string {
  const language = b.options.language;
  const items = [...groupBy(entry.tensions, (tension) => tension.kind)].map(([kind, found]) => {
    const phrases = found.map((tension) => `“${escapeHtml(tension.phrase)}” ${passageRef(b, tension.passageId)}`).join(', ');
    return `<li><span class="kind">${escapeHtml(translate(language, `tensions.${kind}`))}</span> — <span lang="en">${phrases}</span></li>`;
  });
  return `<h3>${escapeHtml(b.t('tensions'))}</h3><ul class="tensions">${items.join('')}</ul>`;
}

function timeline(b: Briefing): string {
  const { entry, t, options } = b;
  const language = options.language;
  const events = entry?.events ?? [];
  const heading = `<h2>${escapeHtml(t('timeline'))}</h2>`;
  if (events.length === 0) return `${heading}<p class="muted">${escapeHtml(t('noEvents', { name: b.summary.name[language] }))}</p>`;
  // The same date mentioned twice in one sentence is one event.
  const seen = new Set<string>();
  const items: string[] = [];
  for (const event of events) {
    const when = formatEventDate(event.date, language);
    const passage = b.prepared.passages.get(event.passageId);
    const range = passage ? sentenceAround(passage.text, event.start, event.end) : null;
    const key = `${event.passageId}:${range?.from ?? event.start}:${when}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const excerpt =
      passage && range
        ? richText(passage.text, [{ start: event.start, end: event.end, kind: 'date' }], passage.citations, range.from, range.to)
        : escapeHtml(event.text);
    items.push(`<li><span class="when">${escapeHtml(when)}</span><span class="what"><span lang="en">${excerpt}</span> ${passageRef(b, event.passageId)}</span></li>`);
  }
  return `${heading}<ol class="timeline">${items.join('')}</ol>`;
}

function passageHighlights(entry: AtlasCountry | null, passageId: string): Highlight[] {
  if (!entry) return [];
  return [
    ...entry.evidence.filter((e) => e.passageId === passageId).map((e): Highlight => ({ start: e.start, end: e.end, kind: 'evidence' })),
    ...entry.tensions.filter((e) => e.passageId === passageId).map((e): Highlight => ({ start: e.start, end: e.end, kind: 'tension' })),
  ];
}

function passagesSection(b: Briefing): string {
  const { t, options, prepared } = b;
  const language = options.language;
  const heading = `<h2>${escapeHtml(t('passages'))}</h2>`;
  if (b.passages.length === 0) return `${heading}<p class="muted">${escapeHtml(t('noPassages', { name: b.summary.name[language] }))}</p>`;
  const sources = new Map(prepared.context.model.sources.map((source) => [source.id, source]));
  const several = new Set(b.passages.map((passage) => passage.sourceId)).size > 1;
  const items = b.passages.map((passage) => {
    const number = b.numbers.get(passage.id)!;
    const meta: string[] = [];
    if (several) meta.push(t('fromSource', { title: sources.get(passage.sourceId)?.title ?? passage.sourceId }));
    if (passage.kind === 'caption') meta.push(t('caption'));
    const links = passage.links.filter((link) => link.countryId === b.id);
    if (links.length > 0 && links.every((link) => link.role === 'venue')) meta.push(t('venueOnly'));
    const attached = b.notes.filter(
      ({ note, placement }) => placement.kind === 'attached' && note.target.kind === 'passage' && note.target.passageId === passage.id,
    );
    const short = passage.text.length < SHORT_PASSAGE ? ' short' : '';
    return (
      `<li class="passage${short}" id="${passageAnchor(b, number)}" data-passage="${escapeHtml(passage.id)}" data-kind="${passage.kind}">` +
      `<span class="pno">${number}</span>` +
      (meta.length > 0 ? `<p class="pmeta">${escapeHtml(meta.join(' · '))}</p>` : '') +
      `<p class="ptext" lang="en">${richText(passage.text, passageHighlights(b.entry, passage.id), passage.citations)}</p>` +
      attached.map((view) => noteBlock(b, view)).join('') +
      '</li>'
    );
  });
  const leftOut =
    b.leftOut > 0 ? `<p class="note-line passages-left-out">${escapeHtml(t('passagesLeftOut', { count: formatNumber(b.leftOut, language), total: formatNumber(b.total, language), name: b.summary.name[language] }))}</p>` : '';
  return `${heading}${leftOut}<ol class="passages">${items.join('')}</ol>`;
}

function noteBlock(b: Briefing, view: NoteView): string {
  const { note } = view;
  const language = b.options.language;
  const meta = [b.t('note'), b.t('noteUpdated', { date: formatDay(new Date(note.updatedAt), language) })];
  if (note.pinned) meta.push(b.t('notePinned'));
  if (note.tags.length > 0) meta.push(b.t('noteTags', { tags: note.tags.join(', ') }));
  return `<div class="note" data-note="${escapeHtml(note.id)}"><p class="note-meta">${escapeHtml(meta.join(' · '))}</p><div class="note-body">${noteHtml(note.body)}</div></div>`;
}

function notesSection(b: Briefing): string {
  const { t, options } = b;
  const language = options.language;
  const name = b.summary.name[language];
  const passageIds = new Set(b.passages.map((passage) => passage.id));
  const country = b.notes.filter(({ note }) => note.target.kind === 'country');
  // Passage notes not shown beside a passage above: the passage went, changed, or no longer concerns the country.
  const apart = b.notes.filter(({ note, placement }) => note.target.kind === 'passage' && (placement.kind !== 'attached' || !passageIds.has(note.target.passageId)));
  const heading = `<h2>${escapeHtml(t('notes'))}</h2>`;
  const shown = country.map((view) => noteBlock(b, view));
  // Notes on passages a capped briefing left out are kept apart from those on passages that changed.
  const isLeftOut = ({ note, placement }: NoteView) => placement.kind === 'attached' && note.target.kind === 'passage' && b.every.has(note.target.passageId);
  for (const [group, title] of [
    [apart.filter((view) => !isLeftOut(view)), 'detachedHeading'],
    [apart.filter(isLeftOut), 'notesLeftOutHeading'],
  ] as const) {
    if (group.length === 0) continue;
    shown.push(`<h3>${escapeHtml(t(title))}</h3>`);
    for (const view of group) {
      const { note, placement } = view;
      if (note.target.kind !== 'passage') continue;
      const why =
        placement.kind === 'detached'
          ? t(placement.reason === 'passage-removed' ? 'detachedRemoved' : 'detachedChanged')
          : isLeftOut(view)
            ? t('noteLeftOut')
            : t('detachedUnlinked', { name });
      shown.push(
        `<div class="detached"><p class="muted">${escapeHtml(why)}</p><p class="note-old" lang="en">${escapeHtml(note.target.passageText)}</p>${noteBlock(b, view)}</div>`,
      );
    }
  }
  const attachedCount = b.notes.length - country.length - apart.length;
  if (shown.length === 0 && attachedCount === 0) return `${heading}<p class="muted">${escapeHtml(t('noNotes', { name }))}</p>`;
  if (shown.length === 0) return '';
  return heading + shown.join('');
}

function colophon(b: Briefing, language: Language): string {
  const { t, prepared } = b;
  const { model, generatedAt, appVersion } = prepared.context;
  const used = new Set(b.passages.map((passage) => passage.sourceId));
  const line = (usage: string, source: { title: string; author: string; licence: string }) =>
    `<li><span class="label">${escapeHtml(usage)}</span> ${escapeHtml(t('attribution', source))}</li>`;
  const items = [
    ...model.sources.filter((source) => used.has(source.id)).map((source) => line(t('usageText'), source)),
    ...DATA_SOURCES.filter((source) => source.id === 'natural-earth').map((source) => line(t('usageShapes'), source)),
    ...DATA_SOURCES.filter((source) => source.id === 'world-countries').map((source) => line(t('usageCountries'), source)),
    line(t('usageCapitals'), capitalsFile().source),
  ];
  return (
    `<footer class="colophon"><h2>${escapeHtml(t('sources'))}</h2><ul>${items.join('')}</ul>` +
    // One paragraph, so the generation line never stands alone at the top of a page.
    `<p>${escapeHtml(t('method'))} ${escapeHtml(t('generated', { date: formatDay(generatedAt, language), version: appVersion }))}</p></footer>`
  );
}

/**
 * The country as a capped briefing prints it: its evidence, tensions and dated events kept to the
 * passages printed, so no quote or date points at a passage left out.
 */
function keepTo(entry: AtlasCountry, shown: ReadonlySet<string>): AtlasCountry {
  const kept = <T extends { passageId: string }>(items: readonly T[]) => items.filter((item) => shown.has(item.passageId));
  return { ...entry, evidence: kept(entry.evidence), tensions: kept(entry.tensions), events: kept(entry.events), ...(entry.context ? { context: kept(entry.context) } : {}) };
}
