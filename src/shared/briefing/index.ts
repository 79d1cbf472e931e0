export { atlasCountryIds, atlasFileName, briefingFileName, buildAtlasHtml, buildBriefingHtml, buildComparisonHtml, comparisonFileName } from './document';
export type { BriefingContext, BriefingOptions, Paper } from './context';
