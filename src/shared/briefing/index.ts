export { atlasCountryIds, atlasFileName, briefingFileName, buildAtlasHtml, buildBriefingHtml, buildComparisonHtml, comparisonFileName } from './document';
export type { BriefingBuildOptions, BriefingContext } from './context';
export { briefingOptionsSchema, paperSchema, type BriefingOptions, type Paper } from './options';
