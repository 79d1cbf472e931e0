import type { AtlasModel, Citation } from '../atlas';
import { capitalOf } from '../briefing/capitals';
import type { TierOverride } from '../store/schema';
import { parseCsv, toCsv, unguardCell } from './csv';

/**
 * One country of File › Export Atlas Data, the same in the CSV (a row) and the GeoJSON (a
 * feature's properties): its names, the sources' tier and the user's, its tension flags, how many
 * passages concern it, and the passage that decided its tier with the citation markers where they
 * stood and the attribution of its source.
 */
export interface AtlasDataRow {
  /** ISO 3166-1 alpha-3, or the atlas's stable id for an area without one (`x-kosovo`). */
  id: string;
  name_en: string;
  name_ko: string;
  /** The sources' tier id (`alliance`, …, `mentioned`, `not-covered`; `home` for South Korea). */
  tier: string;
  /** Its English name. */
  tier_name: string;
  /** The tier the user set for the country, empty when none. */
  your_tier: string;
  your_tier_reason: string;
  /** The kinds of tension flagged (`territorial-dispute`, …), in order, separated by `; `. */
  tensions: string;
  /** Passages of the enabled sources that concern the country. */
  passages: number;
  /** The first passage that decided the tier, empty when none did. */
  deciding_passage_id: string;
  /** Its text with the citation markers put back (`… treaty.[12]`). */
  deciding_passage: string;
  source_title: string;
  source_author: string;
  source_licence: string;
}

/** The columns, in the order the CSV writes them. */
export const ATLAS_DATA_COLUMNS = [
  'id',
  'name_en',
  'name_ko',
  'tier',
  'tier_name',
  'your_tier',
  'your_tier_reason',
  'tensions',
  'passages',
  'deciding_passage_id',
  'deciding_passage',
  'source_title',
  'source_author',
  'source_licence',
] as const satisfies readonly (keyof AtlasDataRow)[];

/** A passage's text with its citation markers where they stood: `text[12][13] more`. */
export function textWithCitations(text: string, citations: readonly Citation[]): string {
  if (citations.length === 0) return text;
  // Stable by offset, so markers at the same place keep their order.
  const sorted = citations.map((citation, order) => ({ citation, order })).sort((a, b) => a.citation.offset - b.citation.offset || a.order - b.order);
  let out = '';
  let at = 0;
  for (const { citation } of sorted) {
    const offset = Math.max(at, Math.min(text.length, citation.offset));
    out += text.slice(at, offset) + `[${citation.label}]`;
    at = offset;
  }
  return out + text.slice(at);
}

/** Every country of the atlas, sorted by id, with the user's tiers from `overrides`. */
export function atlasDataRows(model: AtlasModel, overrides: readonly TierOverride[]): AtlasDataRow[] {
  const tierNames = new Map(model.tiers.map((tier) => [tier.id, tier.label.en]));
  const yours = new Map(overrides.map((override) => [override.countryId, override]));
  const passages = new Map(model.passages.map((passage) => [passage.id, passage]));
  const sources = new Map(model.sources.map((source) => [source.id, source]));
  return Object.values(model.countries)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((country): AtlasDataRow => {
      const deciding = country.evidence.map((evidence) => passages.get(evidence.passageId)).find((passage) => passage !== undefined);
      const source = deciding ? sources.get(deciding.sourceId) : undefined;
      const override = yours.get(country.id);
      return {
        id: country.id,
        name_en: country.name.en,
        name_ko: country.name.ko,
        tier: country.tier,
        tier_name: tierNames.get(country.tier) ?? country.tier,
        your_tier: override?.tier ?? '',
        your_tier_reason: override?.reason ?? '',
        tensions: [...new Set(country.tensions.map((tension) => tension.kind))].join('; '),
        passages: country.passageIds.length,
        deciding_passage_id: deciding?.id ?? '',
        deciding_passage: deciding ? textWithCitations(deciding.text, deciding.citations) : '',
        source_title: source?.title ?? '',
        source_author: source?.author ?? '',
        source_licence: source?.licence ?? '',
      };
    });
}

/** The CSV file: a header row of {@link ATLAS_DATA_COLUMNS}, then one row per country. */
export function atlasDataCsv(rows: readonly AtlasDataRow[]): string {
  return toCsv([ATLAS_DATA_COLUMNS, ...rows.map((row) => ATLAS_DATA_COLUMNS.map((column) => row[column]))]);
}

/** Reads an atlas data CSV back into rows; throws when the header is not the export's. */
export function parseAtlasDataCsv(text: string): AtlasDataRow[] {
  const [header, ...body] = parseCsv(text);
  if (!header || header.join(',') !== ATLAS_DATA_COLUMNS.join(',')) throw new Error('Not an atlas data CSV: the header differs.');
  return body.map((cells, index) => {
    if (cells.length !== ATLAS_DATA_COLUMNS.length) throw new Error(`Row ${String(index + 2)} has ${String(cells.length)} cells.`);
    const record = Object.fromEntries(ATLAS_DATA_COLUMNS.map((column, at) => [column, unguardCell(cells[at]!)]));
    const passages = Number(record['passages']);
    if (!Number.isInteger(passages) || passages < 0) throw new Error(`Row ${String(index + 2)}: passages is not a count.`);
    return { ...record, passages } as unknown as AtlasDataRow;
  });
}

/** An attribution the GeoJSON carries for each data set it draws on. */
export interface DataAttribution {
  title: string;
  author: string;
  licence: string;
  /** What the export takes from it. */
  usedFor: string;
}

/** Point of a country in the GeoJSON: its capital (GeoNames), or none. */
export type AtlasDataGeometry = { type: 'Point'; coordinates: [number, number] } | null;

export interface AtlasDataGeoJson {
  type: 'FeatureCollection';
  /** A foreign member (RFC 7946 §6.1): what the file is, when it was made, and whose data it holds. */
  metadata: {
    title: string;
    generated: string;
    geometry: string;
    attribution: DataAttribution[];
  };
  features: { type: 'Feature'; id: string; geometry: AtlasDataGeometry; properties: AtlasDataRow }[];
}

/**
 * The GeoJSON file: a FeatureCollection with one feature per country, placed at its capital where
 * the bundled GeoNames table has one (null geometry otherwise, as RFC 7946 allows), with the same
 * properties as the CSV's columns.
 */
export function atlasDataGeoJson(rows: readonly AtlasDataRow[], meta: { generated: Date; attribution: DataAttribution[] }): string {
  const document: AtlasDataGeoJson = {
    type: 'FeatureCollection',
    metadata: {
      title: 'Korea Relations Atlas: countries and their relationship with South Korea',
      generated: meta.generated.toISOString(),
      geometry: 'Each country is a point at its capital (GeoNames); null where no capital is known.',
      attribution: meta.attribution,
    },
    features: rows.map((row) => {
      const capital = capitalOf(row.id);
      return {
        type: 'Feature',
        id: row.id,
        geometry: capital ? { type: 'Point', coordinates: [capital.lon, capital.lat] } : null,
        properties: { ...row },
      };
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
