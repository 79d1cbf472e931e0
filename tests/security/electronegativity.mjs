// Runs Electronegativity (Electron security linter) over src/ and fails on any finding.
// The package's command line cannot be used as shipped: it resolves a newer `commander` whose
// options API changed, and it fetches translations from the network at start. So this calls its
// scanner directly, with its bundled English messages and nothing from the network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));

const i18n = require('i18n');
i18n.configure({
  locales: ['en-US'],
  defaultLocale: 'en-US',
  directory: join(packageDir, 'dist/locales'),
  updateFiles: false,
  objectNotation: true,
  register: global,
});
i18n.setLocale('en-US');

// The runner awaits this module's export, which would fetch translations over the network.
const i18nModule = require.resolve(join(packageDir, 'dist/locales/i18n.js'));
require.cache[i18nModule] = { id: i18nModule, filename: i18nModule, loaded: true, exports: async () => {} };

const run = require(join(packageDir, 'dist/runner.js'));
const electronVersion = require('electron/package.json').version;
const input = join(repo, 'src');
const result = await run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    // This check downloads Electron's release list; the version is pinned in package.json instead.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: true,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

const { issues, errors, globalChecks, atomicChecks } = result;
console.log(`Electronegativity: ${atomicChecks} atomic and ${globalChecks} global checks over src/ (Electron ${electronVersion})`);
for (const error of errors) console.log(`  could not parse ${error.file}: ${error.message ?? error.error ?? ''}`);
for (const issue of issues) {
  console.log(`  ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${issue.file}:${issue.location.line}:${issue.location.column}`);
  console.log(`    ${issue.description}`);
}
const failed = issues.length + errors.length;
console.log(failed === 0 ? 'Electronegativity: no findings.' : `Electronegativity: ${issues.length} findings, ${errors.length} files not parsed.`);

// Electronegativity only warns when a permission handler is missing from the whole code base, and
// does not look for navigation or window-open guards at all. These are the app's own: each must
// still be installed where it is today (the unit tests of desktop/guards.ts check what they do).
const required = [
  ['src/main/desktop/guards.ts', 'setPermissionRequestHandler((_contents, _permission, callback) => callback(false))', "the main session's permission handler"],
  ['src/main/desktop/guards.ts', "contents.on('will-navigate', (event) => event.preventDefault())", 'the navigation guard'],
  ['src/main/desktop/guards.ts', "return { action: 'deny' };", 'the window-open handler (deny)'],
  ['src/main/desktop/guards.ts', 'contents.setWindowOpenHandler(', 'the window-open handler'],
  ['src/main/electron/hardening.ts', 'lockDownSession(session.defaultSession,', 'the lockdown of the main session'],
  ['src/main/electron/hardening.ts', 'guardEveryWebContents<WebContents>(app,', 'the guards on every web contents'],
  ['src/main/electron/start.ts', 'hardenSession(', 'the call that locks the main session down'],
  ['src/main/electron/start.ts', 'hardenAllWebContents(', 'the call that guards every web contents'],
  ['src/main/electron/printer.ts', 'setPermissionRequestHandler((_contents, _permission, callback) => callback(false))', "the print session's permission handler"],
];
const missing = required.filter(([file, text]) => !stripComments(readFileSync(join(repo, file), 'utf8')).includes(text));
for (const [file, text, what] of missing) console.log(`  missing: ${what} (${file} no longer has \`${text}\`)`);
console.log(missing.length === 0 ? `Guards: all ${required.length} in place.` : `Guards: ${missing.length} missing.`);
process.exit(failed === 0 && missing.length === 0 ? 0 : 1);

/** The source without its comments, so a guard commented out counts as removed. */
function stripComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}
