/** The id of the home country, drawn apart from its partners. In a module of its own so the window's first script can use it without loading the schemas of `countries.ts`. */
export const HOME_COUNTRY_ID = 'KOR';
