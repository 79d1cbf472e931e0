export { atlasCountryIds, atlasFileName, briefingFileName, buildAtlasHtml, buildBriefingHtml } from './document';
export type { BriefingContext, BriefingOptions, Paper } from './context';
