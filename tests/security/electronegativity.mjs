// Runs Electronegativity (Electron security linter) over src/ and fails on any finding.
// The package's command line cannot be used as shipped: it resolves a newer `commander` whose
// options API changed, and it fetches translations from the network at start. So this calls its
// scanner directly, with its bundled English messages and nothing from the network.
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
process.exit(failed === 0 ? 0 : 1);
