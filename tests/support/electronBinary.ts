/** Why tests/electron does not run here, when it does not. */
export const NO_ELECTRON_REASON =
  'No Electron runtime: `npm install` fetches it from Electron\'s release server and could not ' +
  '(`npm run fetch-electron` tries again). The same renderer and main-process handlers are covered ' +
  'by tests/e2e in Chromium.';

/**
 * The Electron executable, or null when it has not been downloaded: found the way `npm start`
 * checks for it, without requiring the `electron` package (that would start the download).
 */
export { electronBinary } from '../../resources/build/fetch-electron.mjs';
