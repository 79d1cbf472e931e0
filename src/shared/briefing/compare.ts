import type { AtlasCountry } from '../atlas';
import type { NoteView } from '../contract';
import { translate } from '../i18n';
import type { Language } from '../i18n/language';
import { summaryOf } from './briefing';
import type { BriefingBuildOptions, Prepared } from './context';
import { formatEventDate, yearRowOf } from './format';
import { escapeHtml, safeId } from '../html';
import { noteHtml } from './noteHtml';
import { richText, sentenceAround, sentenceText } from './richText';

/** The most evidence sentences shown per country in the side-by-side table. */
const EVIDENCE_SHOWN = 3;

const swatch = '<span class="swatch" aria-hidden="true"></span>';

function tierCell(prepared: Prepared, id: string, language: Language, t: (key: string) => string): string {
  const entry = prepared.context.model.countries[id];
  const tier = prepared.tiers.get(entry?.tier ?? 'not-covered');
  const override = prepared.overrides.get(id);
  let html = `<p class="tier-name tier-${safeId(tier?.id ?? 'not-covered')}">${swatch}<span class="label">${escapeHtml(t('compare.sourcesTier'))}</span> ${escapeHtml(tier?.label[language] ?? '')}</p>`;
  if (override) {
    const yours = prepared.tiers.get(override.tier);
    html += `<p class="tier-name tier-${safeId(override.tier)}">${swatch}<span class="label">${escapeHtml(t('compare.yourTier'))}</span> ${escapeHtml(yours?.label[language] ?? override.tier)}</p>`;
  }
  return html;
}

function evidenceCell(prepared: Prepared, entry: AtlasCountry | undefined, t: (key: string) => string): string {
  const quotes: string[] = [];
  for (const evidence of entry?.evidence ?? []) {
    if (quotes.length >= EVIDENCE_SHOWN) break;
    const passage = prepared.passages.get(evidence.passageId);
    if (!passage) continue;
    const range = sentenceAround(passage.text, evidence.start, evidence.end);
    const html = richText(passage.text, [{ start: evidence.start, end: evidence.end, kind: 'evidence' }], passage.citations, range.from, range.to);
    if (!quotes.includes(html)) quotes.push(html);
  }
  if (quotes.length === 0) return `<p class="muted">${escapeHtml(t('compare.noEvidence'))}</p>`;
  return quotes.map((quote) => `<blockquote class="evidence"><p lang="en">${quote}</p></blockquote>`).join('');
}

function timelineByYear(prepared: Prepared, ids: readonly [string, string], language: Language): Map<string, [string[], string[]]> {
  const rows = new Map<string, [string[], string[]]>();
  const order = new Map<string, number>();
  ids.forEach((id, side) => {
    const seen = new Set<string>();
    for (const event of prepared.context.model.countries[id]?.events ?? []) {
      const { label: year, order: position } = yearRowOf(event.date, language);
      order.set(year, position);
      const passage = prepared.passages.get(event.passageId);
      const sentence = passage ? sentenceText(passage.text, event.start, event.end) : event.text;
      const text = `${formatEventDate(event.date, language)} — ${sentence}`;
      if (seen.has(text)) continue;
      seen.add(text);
      let row = rows.get(year);
      if (!row) rows.set(year, (row = [[], []]));
      row[side]?.push(text);
    }
  });
  return new Map([...rows].sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
}

function notesCell(notes: readonly NoteView[], t: (key: string) => string): string {
  if (notes.length === 0) return `<p class="muted">${escapeHtml(t('compare.noNotes'))}</p>`;
  return notes.map(({ note }) => `<div class="note" data-note="${escapeHtml(note.id)}"><div class="note-body">${noteHtml(note.body)}</div></div>`).join('');
}

/** The side-by-side table and the timeline by year at the head of a comparison. */
export function comparisonSection(prepared: Prepared, ids: readonly [string, string], options: BriefingBuildOptions): string {
  const language = options.language;
  const t = (key: string, values?: Record<string, string | number>) => translate(language, key, values);
  const [a, b] = ids.map((id) => summaryOf(prepared, id)) as [ReturnType<typeof summaryOf>, ReturnType<typeof summaryOf>];
  const entries = ids.map((id) => prepared.context.model.countries[id]);
  const row = (label: string, cells: [string, string]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${cells[0]}</td><td>${cells[1]}</td></tr>`;
  const both = <T>(f: (id: string, index: number) => T) => [f(ids[0], 0), f(ids[1], 1)] as [T, T];
  const rows = [
    row(t('compare.tier'), both((id) => tierCell(prepared, id, language, t))),
    row(t('compare.evidence'), both((_, index) => evidenceCell(prepared, entries[index], t))),
    row(t('compare.capital'), both((id) => escapeHtml(summaryOf(prepared, id).capital.join(', ') || '—'))),
    row(t('compare.passages'), both((_, index) => String(entries[index]?.passageIds.length ?? 0))),
  ];
  const years = timelineByYear(prepared, ids, language);
  const timelineRows = [...years].map(
    ([year, [left, right]]) =>
      `<tr><th scope="row">${escapeHtml(year)}</th><td>${left.map((text) => `<p lang="en">${escapeHtml(text)}</p>`).join('')}</td><td>${right.map((text) => `<p lang="en">${escapeHtml(text)}</p>`).join('')}</td></tr>`,
  );
  if (options.includeNotes) rows.push(row(t('compare.notes'), both((id) => notesCell(prepared.notes.get(id) ?? [], t))));
  const head = `<thead><tr><td></td><th scope="col">${escapeHtml(a.name[language])}</th><th scope="col">${escapeHtml(b.name[language])}</th></tr></thead>`;
  return (
    '<section class="comparison">' +
    `<p class="kicker">${escapeHtml(t('compare.kicker'))}</p>` +
    `<h1>${escapeHtml(t('compare.documentTitle', { a: a.name[language], b: b.name[language] }))}</h1>` +
    `<table class="compare-table">${head}<tbody>${rows.join('')}</tbody></table>` +
    `<h2>${escapeHtml(t('compare.timeline'))}</h2>` +
    (timelineRows.length > 0
      ? `<table class="compare-table">${head}<tbody>${timelineRows.join('')}</tbody></table>`
      : `<p class="muted">${escapeHtml(t('compare.noEvents'))}</p>`) +
    '</section>'
  );
}

/** What the comparison adds to the briefings' stylesheet. */
export const COMPARE_CSS =
  '.comparison{break-after:page}.compare-table{width:100%;border-collapse:collapse;table-layout:fixed;margin:8pt 0}' +
  '.compare-table th,.compare-table td{vertical-align:top;text-align:left;border-top:0.5pt solid #bbb;padding:4pt 6pt}' +
  '.compare-table tbody th{width:18%;font-weight:600}.compare-table thead th{font-size:13pt}' +
  '.compare-table tr{break-inside:avoid}.compare-table .tier-name{margin:0 0 3pt}';
