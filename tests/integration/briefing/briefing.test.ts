import { geoArea } from 'd3-geo';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AtlasModel, AtlasPassage } from '../../../src/shared/atlas';
import { briefingFileName, buildBriefingHtml, type BriefingContext, type BriefingOptions } from '../../../src/shared/briefing';
import { shapeIndex } from '../../../src/shared/briefing/geo';
import type { CountrySummary, NoteView } from '../../../src/shared/contract';
import { activeContent, activeTags, inner, noteView, startTags, textOf } from './inspect';
import { loadRealAtlas, type RealAtlas } from './realAtlas';

const EN: BriefingOptions = { paper: 'a4', includeNotes: true, language: 'en' };
const KO: BriefingOptions = { paper: 'a4', includeNotes: true, language: 'ko' };

let atlas: RealAtlas;
let model: AtlasModel;
let covered: string[];
let notes: NoteView[];
let context: BriefingContext;

function passage(id: string): AtlasPassage {
  const found = model.passages.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no passage ${id}`);
  return found;
}

/** The passage as the briefing prints it, citation markers taken out again: what a reader reads. */
function printedPassage(html: string, passageId: string): string | null {
  const body = inner(html, `data-passage="${passageId}"[^>]*>[\\s\\S]*?<p class="ptext" lang="en">`, '</p>');
  return body === null ? null : textOf(body.replace(/<sup class="cite">[^<]*<\/sup>/g, ''));
}

function countryNoteBody(id: string): string {
  return `Brief for ${id}: ask about the "next summit" & the 5 < 6 agenda items.`;
}

function passageNoteBody(id: string): string {
  return `On this passage (${id}): *check* the year.`;
}

beforeAll(async () => {
  atlas = await loadRealAtlas();
  model = atlas.model;
  covered = Object.values(model.countries)
    .filter((country) => country.tier !== 'not-covered')
    .map((country) => country.id);
  notes = covered.flatMap((id) => {
    const first = model.countries[id]?.passageIds[0];
    const countryNote = noteView({ kind: 'country', countryId: id }, countryNoteBody(id));
    if (!first) return [countryNote];
    return [countryNote, noteView({ kind: 'passage', countryId: id, passageId: first, passageText: passage(first).text }, passageNoteBody(id))];
  });
  context = {
    ...atlas,
    notes,
    overrides: [],
    generatedAt: new Date(2026, 10, 27, 14, 30),
    appVersion: '9.8.7',
  };
});

describe('buildBriefingHtml() for every covered country', () => {
  it('prints every passage, phrase, note and attribution, and nothing that loads or runs', () => {
    expect(covered.length).toBeGreaterThan(30);
    for (const id of covered) {
      const html = buildBriefingHtml(context, id, EN);
      const country = model.countries[id];
      if (!country) throw new Error(id);
      for (const passageId of country.passageIds) expect(printedPassage(html, passageId), `${id} ${passageId}`).toBe(passage(passageId).text);
      const text = textOf(html);
      for (const evidence of country.evidence) {
        expect(html, `${id} evidence`).toContain(`<mark>${escape(evidence.phrase)}</mark>`);
      }
      for (const tension of country.tensions) expect(text).toContain(`“${tension.phrase}”`);
      expect(text, `${id} country note`).toContain(countryNoteBody(id));
      if (country.passageIds.length > 0) expect(text, `${id} passage note`).toContain(passageNoteBody(id).replace(/\*/g, ''));
      const used = new Set(country.passageIds.map((passageId) => passage(passageId).sourceId));
      for (const source of model.sources.filter((candidate) => used.has(candidate.id))) {
        expect(text).toContain(`“${source.title}”, ${source.author}. Licence: ${source.licence}.`);
      }
      expect(text).toContain('Natural Earth');
      expect(text).toContain('GeoNames');
      expect(activeContent(html), id).toEqual([]);
    }
  });

  it('shows a passage note right after its passage and the country notes in their own section', () => {
    const html = buildBriefingHtml(context, 'JPN', EN);
    const first = model.countries['JPN']?.passageIds[0] ?? '';
    const item = inner(html, `<li class="passage[^"]*" id="p-JPN-1" data-passage="${first}"[^>]*>`, '</li>');
    expect(textOf(item ?? '')).toContain(passageNoteBody('JPN').replace(/\*/g, ''));
    expect(item).toContain('<em>check</em>');
    const section = inner(html, '<h2>Your notes</h2>', '<footer');
    expect(textOf(section ?? '')).toContain(countryNoteBody('JPN'));
  });

  it('leaves every note and the notes section out when notes are not included', () => {
    for (const id of covered) {
      const html = buildBriefingHtml(context, id, { ...EN, includeNotes: false });
      expect(textOf(html)).not.toContain(countryNoteBody(id));
      expect(textOf(html)).not.toContain(`(${id}): check`);
      expect(html).not.toContain('class="note"');
      expect(html).not.toContain('Your notes');
    }
  });

  it('says so plainly when there are no notes', () => {
    const html = buildBriefingHtml({ ...context, notes: [] }, 'JPN', EN);
    expect(textOf(html)).toContain('You have no notes on Japan.');
  });

  it('re-inserts citation markers as superscripts where they stood', () => {
    // The bundled source's markers all open their paragraph; richText.test.ts covers markers inside a text.
    const cited = model.passages.find((candidate) => candidate.citations.length > 0 && candidate.links.length > 0);
    if (!cited) throw new Error('no cited passage');
    const citation = cited.citations[0];
    if (!citation) throw new Error('no citation');
    const country = cited.links[0]?.countryId ?? '';
    const html = buildBriefingHtml(context, country, EN);
    const body = inner(html, `data-passage="${cited.id}"[^>]*>[\\s\\S]*?<p class="ptext" lang="en">`, '</p>') ?? '';
    const marker = `<sup class="cite">[${citation.label}]</sup>`;
    expect(body).toContain(marker);
    const before = body.slice(0, body.indexOf(marker)).replace(/<sup class="cite">[^<]*<\/sup>/g, '');
    expect(textOf(before)).toBe(cited.text.slice(0, citation.offset));
  });

  it('explains the tier with the deciding phrase highlighted inside its sentence and the rule that found it', () => {
    const html = buildBriefingHtml(context, 'VNM', EN);
    const why = inner(html, '<h3>Why this tier</h3>', '</blockquote>') ?? '';
    expect(why).toContain('<mark>comprehensive strategic partnership</mark>');
    expect(textOf(why)).toContain('In December 2022, the two nations have elevated their ties to comprehensive strategic partnership');
    expect(textOf(why)).toContain('rule “comprehensive-strategic-partnership”');
    expect(textOf(html)).toContain('Comprehensive strategic partner');
  });

  it('cites the caption of both foreign ministers that makes the United Kingdom engaged', () => {
    expect(model.countries['GBR']?.decidedBy).toBe('rules');
    const why = inner(buildBriefingHtml(context, 'GBR', EN), '<h3>Why this tier</h3>', '</blockquote>') ?? '';
    expect(why).toContain('<mark>South Korean Foreign Minister Cho Tae-yul and UK Foreign Secretary David Lammy</mark>');
  });

  it('shows the user’s own tier and reason beside the sources’ tier', () => {
    const override = { countryId: 'JPN', tier: 'strategic', reason: 'Security <b>ties</b> since 2023', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z' };
    const html = buildBriefingHtml({ ...context, overrides: [override] }, 'JPN', EN);
    const tiers = textOf(inner(html, '<div class="tiers">', '<h3>') ?? '');
    expect(tiers).toMatch(/^Your tierStrategic partnerYour reasonSecurity <b>ties<\/b> since 2023Tier from the sourcesPartnerCooperation/);
    expect(html).not.toContain('<b>ties');
  });

  it('lists the tension flags with their phrases', () => {
    const html = buildBriefingHtml(context, 'JPN', EN);
    const tensions = textOf(inner(html, '<ul class="tensions">', '</ul>') ?? '');
    expect(tensions).toContain('Territorial dispute — “controversy”');
    expect(tensions).toContain('“sovereignty”');
  });

  it('gives the dated events as a timeline, dates in the reader’s language', () => {
    const en = buildBriefingHtml(context, 'VNM', EN);
    const ko = buildBriefingHtml(context, 'VNM', KO);
    expect(inner(en, '<ol class="timeline">', '</ol>')).toContain('<span class="when">December 2022</span>');
    expect(inner(ko, '<ol class="timeline">', '</ol>')).toContain('<span class="when">2022년 12월</span>');
  });

  it('lists the key facts: capital, region, shared memberships, distance to Seoul', () => {
    const facts = textOf(inner(buildBriefingHtml(context, 'JPN', EN), '<dl class="facts">', '</dl>') ?? '');
    expect(facts).toContain('CapitalTokyo');
    expect(facts).toContain('RegionAsia · Eastern Asia');
    expect(facts).toContain('United Nations');
    expect(facts).toContain('Group of Twenty');
    expect(facts).toMatch(/Distance to Seoul1,1\d\d km/);
  });

  it('names the country in English and Korean, with its flag and official names', () => {
    const title = inner(buildBriefingHtml(context, 'JPN', EN), '<header class="title-block">', '</header>') ?? '';
    expect(title).toContain('<h1 lang="en">Japan</h1>');
    expect(title).toContain('<p class="other-name" lang="ko">일본</p>');
    expect(title).toContain('🇯🇵');
    expect(textOf(title)).toContain('일본국');
    const ko = inner(buildBriefingHtml(context, 'JPN', KO), '<header class="title-block">', '</header>') ?? '';
    expect(ko).toContain('<h1 lang="ko">일본</h1>');
    expect(ko).toContain('<p class="other-name" lang="en">Japan</p>');
  });
});

describe('buildBriefingHtml() with notes that hold markup', () => {
  const hostile = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '<a href="https://example.org">site</a> ![pic](file:///etc/passwd)'];

  it('prints them as literal text that cannot run or load anything', () => {
    const html = buildBriefingHtml({ ...context, notes: hostile.map((body) => noteView({ kind: 'country', countryId: 'JPN' }, body)) }, 'JPN', EN);
    expect(activeTags(html)).toEqual([]);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const text = textOf(inner(html, '<h2>Your notes</h2>', '<footer') ?? '');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('x');
    expect(text).not.toContain('javascript:alert(1)]');
    expect(text).toContain('pic');
    expect(startTags(html).filter((tag) => tag.startsWith('<a ')).every((tag) => /^<a class="ref" href="#p-JPN-\d+">$/.test(tag))).toBe(true);
  });

  it('renders Markdown structure with headings kept out of the document outline', () => {
    const html = buildBriefingHtml({ ...context, notes: [noteView({ kind: 'country', countryId: 'JPN' }, '# Agenda\n\n- **one**\n- two\n\n> quoted')] }, 'JPN', EN);
    const section = inner(html, '<h2>Your notes</h2>', '<footer') ?? '';
    expect(section).toContain('<p class="md-heading md-h1"><strong>Agenda</strong></p>');
    expect(section).toContain('<li><strong>one</strong></li>');
    expect(section).toContain('<blockquote>');
    expect(section).not.toMatch(/<h[1-6]/);
  });

  it('keeps a note whose passage changed apart, with the passage as it read', () => {
    const gone = noteView({ kind: 'passage', countryId: 'JPN', passageId: 'gone-passage', passageText: 'A sentence the sources no longer have.' }, 'Still relevant.', {
      kind: 'detached',
      reason: 'passage-removed',
    });
    const html = buildBriefingHtml({ ...context, notes: [gone] }, 'JPN', EN);
    const section = textOf(inner(html, '<h2>Your notes</h2>', '<footer') ?? '');
    expect(section).toMatch(
      /Notes on passages that changedWritten on a passage that is no longer in the sources\. It read:A sentence the sources no longer have\.Your note · Updated [^.]+Still relevant\./,
    );
  });
});

describe('buildBriefingHtml() options', () => {
  it('switches every label to Korean and keeps the passages as the source has them', () => {
    const html = buildBriefingHtml(context, 'USA', KO);
    expect(html).toContain('<html lang="ko">');
    for (const label of ['대한민국과의 관계', '이 등급인 이유', '연표', '자료 원문', '내 메모', '출처와 라이선스', '주요 정보', '수도']) expect(html).toContain(label);
    for (const label of ['Relationship with South Korea', 'Why this tier', 'Source passages', 'Your notes', 'Sources and licences', 'Key facts']) {
      expect(html).not.toContain(label);
    }
    const first = model.countries['USA']?.passageIds[0] ?? '';
    expect(printedPassage(html, first)).toBe(passage(first).text);
  });

  it('sets the paper size for A4 and for Letter', () => {
    expect(buildBriefingHtml(context, 'JPN', EN)).toMatch(/@page \{\s*size: A4;/);
    const letter = buildBriefingHtml(context, 'JPN', { ...EN, paper: 'letter' });
    expect(letter).toMatch(/@page \{\s*size: letter;/);
    expect(letter).not.toContain('size: A4');
  });

  it('runs the country’s names in the page header and page numbers in the footer', () => {
    const html = buildBriefingHtml(context, 'JPN', EN);
    expect(html).toContain('section.c-JPN { page: c-JPN; }');
    expect(html).toMatch(/@page c-JPN \{ @top-left \{ content: "Japan · 일본";/);
    expect(html).toContain('@bottom-center { content: counter(page) " / " counter(pages);');
    expect(html).toContain('<section class="briefing c-JPN" id="c-JPN"');
  });

  it('is a complete document with a strict content security policy and a title', () => {
    const html = buildBriefingHtml(context, 'JPN', EN);
    expect(html.startsWith('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).toContain('<title>Japan — country briefing</title>');
    expect(html.endsWith('</body></html>')).toBe(true);
  });

  it('prints the generation date and the app version', () => {
    expect(textOf(buildBriefingHtml(context, 'JPN', EN))).toContain('Generated on 27 November 2026 with Korea Relations Atlas 9.8.7.');
    expect(textOf(buildBriefingHtml(context, 'JPN', KO))).toContain('2026년 11월 27일에 한국 대외관계 지도 9.8.7(으)로 만들었습니다.');
  });

  it('leaves the map out when asked, and nothing else', () => {
    const withMap = buildBriefingHtml(context, 'JPN', EN);
    const without = buildBriefingHtml(context, 'JPN', { ...EN, withMap: false });
    expect(withMap).toContain('<svg class="locator"');
    expect(without).not.toContain('<svg');
    expect(textOf(without)).toContain(textOf(inner(withMap, '<h2>Source passages</h2>', '</ol>') ?? 'missing'));
  });
});

describe('the locator map', () => {
  it('reads the real shapes with every polygon enclosing its small side, as d3-geo needs', () => {
    const index = shapeIndex(context.shapes);
    expect(index.polygons.length).toBeGreaterThan(1000);
    for (const polygon of index.polygons) expect(geoArea({ type: 'Polygon', coordinates: polygon.rings }), polygon.id).toBeLessThan(2 * Math.PI);
  });

  function locator(id: string): string {
    return inner(buildBriefingHtml(context, id, EN), '<figure class="map">', '</figure>') ?? '';
  }

  it('draws the country, South Korea and the great circle between their capitals', () => {
    const map = locator('JPN');
    expect(map).toMatch(/<path class="subject" data-id="JPN" d="M[\d.]+[ -][\d.]+l[^"]{200,}"/);
    expect(map).toMatch(/<path class="home" data-id="KOR" d="M[^"]{100,}"/);
    expect(map).toMatch(/<path class="great-circle" d="M[\d. -]+l[^"]+"/);
    expect(map).toContain('>Tokyo</text>');
    expect(map).toContain('>Seoul</text>');
    expect(map).not.toContain('class="inset"');
    expect(textOf(map)).toMatch(/great-circle route from Seoul to Tokyo, 1,1\d\d km/);
  });

  it('adds a world inset when the two are far apart', () => {
    const map = locator('USA');
    expect(map).toContain('<g class="inset"');
    expect(map).toContain('class="inset-subject"');
    expect(map).toContain('class="inset-home"');
    expect(map.match(/class="great-circle"/g)).toHaveLength(2);
  });

  it('stays small: clipped to its frame, coordinates to a tenth', () => {
    for (const id of ['CHN', 'USA', 'RUS', 'FJI']) {
      const map = locator(id);
      expect(map.length, id).toBeLessThan(160_000);
      expect(map).not.toMatch(/\d\.\d\d/);
    }
  });

  it('rings a country too small to see, or missing from the map data, round its capital', () => {
    expect(locator('NRU')).toContain('<circle class="ring"');
    const tuvalu = locator('TUV');
    expect(tuvalu).not.toContain('class="subject"');
    expect(tuvalu).toContain('<circle class="ring"');
    expect(tuvalu).toContain('>Funafuti</text>');
    expect(locator('CHN')).not.toContain('class="ring"');
  });

  it('draws South Korea’s own briefing without a line to itself', () => {
    const map = locator('KOR');
    expect(map).toContain('data-id="KOR"');
    expect(map).not.toContain('great-circle');
  });
});

describe('a country the sources do not cover', () => {
  it('still gets a briefing: the map, the facts, the notes, and a plain word that the sources are silent', () => {
    const id = 'BOL';
    expect(model.countries[id]?.tier).toBe('not-covered');
    const html = buildBriefingHtml({ ...context, notes: [noteView({ kind: 'country', countryId: id }, 'Lithium talks.')] }, id, EN);
    const text = textOf(html);
    expect(text).toContain('Nothing in the loaded sources concerns Bolivia');
    expect(text).toContain('No passage of the loaded sources concerns Bolivia.');
    expect(text).toContain('Lithium talks.');
    expect(html).toMatch(/<path class="subject" data-id="BOL" d="M/);
    expect(text).toContain('CapitalSucre');
    expect(activeContent(html)).toEqual([]);
  });

  it('builds for an area without an ISO code that the map draws', () => {
    const html = buildBriefingHtml(context, 'x-somaliland', EN);
    expect(html).toContain('<h1 lang="en">Somaliland</h1>');
    expect(html).toMatch(/<path class="subject" data-id="x-somaliland" d="M/);
    expect(textOf(html)).toContain('None (the atlas calls it x-somaliland)');
  });

  it('marks the country’s centre, and says so, where the capital’s position is unknown', () => {
    const html = buildBriefingHtml(context, 'ATA', EN);
    expect(textOf(html)).toContain('The atlas does not know where the capital of Antarctica lies');
    expect(html).toContain('>centre of Antarctica</text>');
  });
});

describe('briefingFileName()', () => {
  it('names the file after the country, the kind of document and the day', () => {
    expect(briefingFileName(context, 'JPN', EN)).toBe('Japan — briefing — 2026-11-27.pdf');
    expect(briefingFileName(context, 'JPN', KO)).toBe('일본 — 브리핑 — 2026-11-27.pdf');
  });

  it('drops characters no file system accepts', () => {
    const countries: CountrySummary[] = atlas.countries.map((country) =>
      country.id === 'JPN' ? { ...country, name: { en: 'Ja:pan/<West>? "*|\\', ko: '일본' } } : country,
    );
    expect(briefingFileName({ ...context, countries }, 'JPN', EN)).toBe('Ja pan West — briefing — 2026-11-27.pdf');
  });
});

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
