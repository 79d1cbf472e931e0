import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Flags that keep Chromium quiet on a closed network and let MapLibre draw with software WebGL. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  // Services of the Chrome browser around a page, which Electron does not have: form autofill asks
  // a Google server about every form it sees, and since Chromium 150 every page also sets off the
  // omnibox's AI-mode eligibility check and a preconnect to the default search engine. They run in
  // the page's network context, so they are switched off rather than counted against the app.
  '--disable-features=AutofillServerCommunication,AimEnabled,AimServerEligibilityEnabled,PreconnectToSearch',
  '--no-first-run',
  '--no-default-browser-check',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * Finds a Chromium to test with: CHROMIUM_PATH, then the system's, then Playwright's own download.
 * Throws with instructions when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', playwrightChromium()];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate as string));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the end-to-end tests.',
      'Install one of:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium',
      '  - any OS with internet access: npx playwright install chromium',
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    ].join('\n'),
  );
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
