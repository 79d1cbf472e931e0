export { ingestSource, ingestSourceSteps, normalisePassage, passageId, CAPTION_MAX_LENGTH } from './ingest';
export type { SourceText } from './ingest';
export { buildGazetteer, aliasesFileSchema, MIN_ALT_SPELLING_LENGTH } from './gazetteer';
export type { AliasesFile, Gazetteer, GazetteerName, NameKind } from './gazetteer';
export { linkPassage, linkSource, countriesOf, venuesOf, documentContext, documentContextSteps, DocumentLinker } from './link';
export type { DocumentContext } from './link';
export { relatePhrase, namesThePair } from './relation';
export type { PhraseRelation, RelationBasis, RelationWords } from './relation';
export { classifyCountries, classifyCountriesSteps, classifyCountry, parseTierScheme, tiersFileSchema } from './tiers';
export type { Classification, OfficialsRule, TensionRule, Tier, TierRule, TierScheme } from './tiers';
export { RELATIONSHIP_TIERS, TENSION_KINDS, TIER_BASES, TIER_IDS } from './tierIds';
export type { RelationshipTier, TensionKind, TierBasis, TierId } from './tierIds';
export { CuratedEvidenceError, curatedFileSchema, parseCurated, resolveCurated, resolveCuratedEntry, verifyCurated } from './curated';
export type { CuratedEntry, ResolvedCuration } from './curated';
export { membershipsOf, organisationsFileSchema, parseOrganisations, sharedMemberships } from './memberships';
export type { Organisation } from './memberships';
export { extractEvents, sortEvents } from './timeline';
export type { DatePrecision, EventDate, TimelineEvent } from './timeline';
export { assembleAtlasModel, assembleAtlasModelSteps, buildAtlasModel, linkAtlasSource, linkAtlasSourceSteps, linkPassagesSteps, prepareAtlas } from './model';
export type {
  AtlasContext,
  AtlasCountry,
  AtlasInput,
  AtlasModel,
  AtlasPassage,
  AtlasSource,
  AtlasSourceInfo,
  AtlasSourceInput,
  LinkedSource,
} from './model';
export { AtlasDataError } from './parse';
export { fnv1a64 } from './hash';
export type { Citation, Evidence, Link, LinkRole, LinkedPassage, Localised, Passage, PassageKind, Tension } from './types';
