import type { Tier } from '../atlas';
import { cssString, safeId } from '../html';
import type { Paper } from './options';

/** A run of pages with its own running header: one per country briefing. */
export interface PageGroup {
  /** The page name, also the section's class: `c-JPN`. */
  name: string;
  /** Header, left: the country's names. */
  left: string;
}

/** What the running heads and feet say on every page. */
export interface PageFurniture {
  paper: Paper;
  /** Header, right. */
  right: string;
  /** Footer, left. */
  footer: string;
  groups: readonly PageGroup[];
  tiers: readonly Tier[];
}

// Latin faces come before the Korean ones: a CJK face also has Latin letters, and if it set the
// Latin text too the PDF would embed a subset of a very large font for every page of English
// (about ten times slower to print). Korean text falls through to the Korean faces.
const SERIF =
  '"Source Serif 4", "Source Serif Pro", Charter, "Bitstream Charter", Georgia, "Liberation Serif", "Noto Serif", "Noto Serif CJK KR", "Noto Serif KR", AppleMyungjo, Batang, serif';
const SANS =
  '"Source Sans 3", "Source Sans Pro", "Helvetica Neue", "Segoe UI", "Liberation Sans", Arial, "Noto Sans", "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif';
const EMOJI = '"Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", sans-serif';

const MARGIN_BOX = `font-family: ${SANS}; font-size: 7.5pt; color: #5f6670; letter-spacing: .02em;`;

/** The whole stylesheet of a briefing or of the atlas: paged media, running heads, typography. */
export function stylesheet(furniture: PageFurniture): string {
  const size = furniture.paper === 'a4' ? 'A4' : 'letter';
  const groups = furniture.groups
    .map(
      (group) =>
        `section.${safeId(group.name)} { page: ${safeId(group.name)}; }\n` +
        `@page ${safeId(group.name)} { @top-left { content: ${cssString(group.left)}; ${MARGIN_BOX} } @top-right { content: ${cssString(furniture.right)}; ${MARGIN_BOX} } }`,
    )
    .join('\n');
  const tiers = furniture.tiers.map((tier) => `.tier-${safeId(tier.id)} { --tier: ${tier.colour.light}; }`).join('\n');
  return `
@page {
  size: ${size};
  margin: 19mm 18mm 18mm;
  @bottom-left { content: ${cssString(furniture.footer)}; ${MARGIN_BOX} }
  @bottom-center { content: counter(page) " / " counter(pages); ${MARGIN_BOX} }
}
@page cover { margin: 16mm 16mm 14mm; @bottom-left { content: none; } @bottom-center { content: none; } }
@page contents { @top-right { content: ${cssString(furniture.right)}; ${MARGIN_BOX} } }
${groups}
${tiers}
:root { --serif: ${SERIF}; --sans: ${SANS}; --emoji: ${EMOJI}; --ink: #1d2229; --muted: #5f6670; --rule: #c9ccd1; --accent: #27466b; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { font-family: var(--serif); font-size: 9.6pt; line-height: 1.45; color: var(--ink); font-kerning: normal; font-variant-numeric: oldstyle-nums proportional-nums; }
body { margin: 0; }
:lang(ko) { word-break: keep-all; line-break: strict; }
p, li, dd, blockquote { orphans: 3; widows: 3; text-wrap: pretty; }
h1, h2, h3 { font-family: var(--sans); color: var(--ink); break-after: avoid; line-height: 1.2; font-variant-numeric: lining-nums; }
/* Space above headings is padding, not margin: Chromium writes the outline entry of a heading twice when a page break truncates the margin above it. */
h2 { font-size: 10.2pt; font-weight: 700; font-variant-caps: all-small-caps; letter-spacing: .07em; color: var(--accent); margin: 0 0 2.4mm; padding-top: 7.4mm;
  background: linear-gradient(var(--rule), var(--rule)) 0 5.6mm / 100% .6pt no-repeat; }
h3 { font-size: 9.4pt; font-weight: 700; margin: 0 0 1.5mm; padding-top: 3.5mm; }
p { margin: 0 0 2mm; }
a { color: inherit; text-decoration: none; }
a.ref { font-family: var(--sans); font-size: .78em; color: var(--accent); white-space: nowrap; font-variant-numeric: lining-nums; }
sup.cite { font-family: var(--sans); font-size: .62em; line-height: 0; color: #7a8089; vertical-align: .55em; margin-left: .05em; font-variant-numeric: lining-nums; }
mark { color: inherit; background: linear-gradient(transparent 14%, #fbe3a0 14%, #fbe3a0 90%, transparent 90%); }
mark.tension { background: none; text-decoration: underline; text-decoration-color: #b4532a; text-decoration-thickness: .09em; text-underline-offset: .16em; }
strong.date { font-weight: 600; }
.label { font-family: var(--sans); font-size: 7.4pt; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 600; }
.muted { color: var(--muted); }
.flag { font-family: var(--emoji); font-weight: 400; }
.swatch { display: inline-block; width: .95em; height: .95em; border: .48em solid var(--tier, #ccc); border-radius: .14em; vertical-align: -.12em; margin-right: .35em; box-shadow: inset 0 0 0 .5pt rgba(0,0,0,.25); outline: .5pt solid rgba(0,0,0,.28); outline-offset: -.5pt; }

section.briefing { break-before: page; }
section.briefing:first-of-type { break-before: auto; }
.title-block { break-inside: avoid; border-bottom: 1.6pt solid var(--ink); padding-bottom: 3.2mm; margin-bottom: 4.5mm; }
.kicker { font-family: var(--sans); font-size: 7.6pt; text-transform: uppercase; letter-spacing: .14em; color: var(--muted); margin: 0 0 2.2mm; font-weight: 600; }
.title-row { display: flex; align-items: center; gap: 4.5mm; }
.title-row .flag { font-size: 30pt; line-height: 1; }
h1 { font-size: 25pt; font-weight: 700; margin: 0; letter-spacing: -.01em; }
.other-name { font-family: var(--sans); font-size: 13pt; color: #3c434c; margin: .8mm 0 0; font-weight: 400; }
.official { margin: 2.6mm 0 0; font-size: 9pt; color: #3c434c; }
.official .label { margin-right: 1.5mm; }
.tier-badge { display: inline-block; font-family: var(--sans); font-size: 8.4pt; font-weight: 600; margin: 2.6mm 0 0; padding: .9mm 2.6mm .9mm 1.6mm; border: .6pt solid var(--rule); border-radius: 1mm; }

.overview { display: grid; grid-template-columns: 58% 1fr; gap: 5.5mm; align-items: start; }
.overview.no-map { display: block; }
.overview.no-map .facts { columns: 2; column-gap: 8mm; }
.overview.no-map .facts dd { break-before: avoid; }
figure.map { margin: 0; break-inside: avoid; }
figure.map svg { display: block; width: 100%; height: auto; }
figure.map .map-label { font-family: var(--sans); font-size: 15px; font-weight: 600; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3.6px; stroke-linejoin: round; }
figcaption { font-family: var(--sans); font-size: 7.6pt; line-height: 1.35; color: #4a515a; margin-top: 1.6mm; }
figcaption .key { white-space: nowrap; margin-right: 2.2mm; }
figcaption .key .swatch { width: .85em; height: .85em; border-width: .43em; }
.facts-column h2 { padding-top: 1.8mm; background-position: 0 0; }
.facts { margin: 0; font-size: 8.8pt; }
.facts dt { font-family: var(--sans); font-size: 7.2pt; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 600; margin-top: 2.1mm; }
.facts dt:first-child { margin-top: 0; }
.facts dd { margin: .3mm 0 0; line-height: 1.35; }
.facts .asof { font-size: 7.4pt; color: var(--muted); }

.tiers { display: flex; gap: 4mm; margin: 0 0 2mm; break-inside: avoid; }
.tier-box { flex: 1; border-left: 2.4pt solid var(--tier, #ccc); padding: .6mm 0 .6mm 3mm; }
.tier-box .tier-name { font-family: var(--sans); font-size: 11.5pt; font-weight: 700; margin: .6mm 0 .8mm; }
.tier-box p { margin-bottom: 1mm; }
.reason { font-style: italic; }
.note-line { font-size: 9pt; color: #3c434c; }
blockquote.evidence { margin: 0 0 2.4mm; padding: .4mm 0 .4mm 3.2mm; border-left: .8pt solid var(--rule); break-inside: avoid; }
blockquote.evidence p { margin: 0; }
blockquote.evidence .why-meta { font-family: var(--sans); font-size: 7.4pt; color: var(--muted); margin-top: .6mm; }
ul.tensions { list-style: none; margin: 0; padding: 0; }
ul.tensions li { margin: 0 0 1.2mm; padding-left: 4.6mm; text-indent: -4.6mm; break-inside: avoid; }
ul.tensions .kind { font-family: var(--sans); font-weight: 600; font-size: 8.6pt; }
ul.tensions .kind::before { content: "▲"; color: #b4532a; font-size: .8em; margin-right: 1.6mm; }

ol.timeline { list-style: none; margin: 0; padding: 0; }
ol.timeline li { display: grid; grid-template-columns: 30mm 1fr; gap: 3mm; padding: 1.1mm 0; border-bottom: .4pt solid #e3e5e8; break-inside: avoid; }
ol.timeline li:last-child { border-bottom: none; }
ol.timeline .when { font-family: var(--sans); font-size: 8.4pt; font-weight: 600; font-variant-numeric: lining-nums tabular-nums; padding-top: .2mm; }

ol.passages { list-style: none; margin: 0; padding: 0; }
li.passage { position: relative; margin: 0 0 2.8mm; padding-left: 8mm; }
li.passage.short { break-inside: avoid; }
li.passage .pno { position: absolute; left: 0; top: .25mm; font-family: var(--sans); font-size: 7.6pt; font-weight: 700; color: var(--accent); font-variant-numeric: lining-nums; }
li.passage .pmeta { font-family: var(--sans); font-size: 7.4pt; color: var(--muted); margin: 0 0 .4mm; text-transform: uppercase; letter-spacing: .06em; }
li.passage .ptext { margin: 0; }
li.passage[data-kind="caption"] .ptext { font-style: italic; }

.note { font-family: var(--sans); font-size: 8.6pt; line-height: 1.42; background: #f6f4fa; border-left: 2.2pt solid #7d68b3; padding: 1.8mm 3mm 1.2mm; margin: 1.8mm 0 2.4mm; break-inside: avoid; border-radius: 0 1mm 1mm 0; }
.note .note-meta { font-size: 7.2pt; color: #5b5474; margin: 0 0 1mm; text-transform: uppercase; letter-spacing: .06em; font-weight: 600; }
.note .note-body > :last-child { margin-bottom: .6mm; }
.note .note-body p { margin: 0 0 1.4mm; }
.note .note-body ul, .note .note-body ol { margin: 0 0 1.4mm; padding-left: 5mm; }
.note .note-body blockquote { margin: 0 0 1.4mm; padding-left: 2.4mm; border-left: .8pt solid #b9aed6; color: #4a4560; }
.note .note-body pre { white-space: pre-wrap; font-size: 8pt; background: #ece8f4; padding: 1.2mm 2mm; margin: 0 0 1.4mm; }
.note .note-body code { font-family: "Noto Sans Mono CJK KR", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .92em; }
.note .note-body table { border-collapse: collapse; margin: 0 0 1.4mm; }
.note .note-body th, .note .note-body td { border: .4pt solid #c9c2dc; padding: .6mm 1.6mm; }
.note .md-heading { margin: 1.6mm 0 1mm; }
.note-old { font-size: 8.6pt; color: #4a515a; border-left: .8pt solid var(--rule); padding-left: 3mm; margin: 0 0 1.2mm; }
.detached { break-inside: avoid; margin-bottom: 2.4mm; }

.colophon { font-size: 8.2pt; color: #3c434c; }
.colophon ul { margin: 0 0 2mm; padding-left: 4mm; }
.colophon li { margin: 0 0 .8mm; break-inside: avoid; }

.cover { page: cover; }
.cover h1 { font-size: 34pt; margin: 4mm 0 2mm; }
.cover .subtitle { font-family: var(--sans); font-size: 12.5pt; color: #3c434c; margin: 0 0 7mm; max-width: 150mm; }
.cover svg.world { display: block; width: 100%; height: auto; margin: 0 0 6mm; }
.cover .legend-title { margin: 0 0 2.4mm; padding-top: 2mm; border-top: 1.6pt solid var(--ink); }
.cover .legend { display: grid; grid-template-columns: 1fr 1fr; gap: 2.4mm 8mm; margin: 0; padding: 0; list-style: none; }
.cover .legend li { break-inside: avoid; }
.cover .legend-name { display: flex; align-items: baseline; font-family: var(--sans); font-size: 9pt; font-weight: 600; margin: 0; }
.cover .legend .count { margin-left: auto; color: var(--muted); font-weight: 400; font-variant-numeric: tabular-nums lining-nums; }
.cover .legend-definition { font-size: 8.2pt; line-height: 1.35; color: #4a515a; margin: .6mm 0 0 1.4em; }
.cover .meta { font-family: var(--sans); font-size: 8.2pt; color: var(--muted); margin: 5mm 0 0; }
.cover .meta + .meta { margin-top: 1.2mm; }

.toc { page: contents; }
.toc h1 { font-size: 20pt; margin: 0 0 5mm; padding-bottom: 2.4mm; border-bottom: 1.6pt solid var(--ink); }
.toc ol { list-style: none; margin: 0; padding: 0; columns: 2; column-gap: 10mm; }
.toc li { height: 6.2mm; line-height: 6.2mm; font-family: var(--sans); font-size: 9pt; break-inside: avoid; }
.toc li.group { font-size: 7.4pt; font-weight: 700; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); white-space: nowrap; overflow: hidden; }
.toc li a { display: flex; align-items: baseline; white-space: nowrap; }
.toc li .name { overflow: hidden; text-overflow: ellipsis; flex: 0 1 auto; }
.toc li .other { color: var(--muted); margin-left: 1.6mm; overflow: hidden; text-overflow: ellipsis; flex: 0 1 auto; font-size: 8.4pt; }
.toc li .leader { flex: 1 1 4mm; border-bottom: .7pt dotted #a4a9b0; margin: 0 1.6mm; min-width: 4mm; transform: translateY(-1mm); }
.toc li .page { flex: 0 0 9mm; text-align: right; font-variant-numeric: tabular-nums lining-nums; font-weight: 600; }
.toc li .flag { margin-right: 1.6mm; }
`;
}
