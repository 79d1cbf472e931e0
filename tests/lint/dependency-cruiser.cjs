/**
 * The import graph's rules, checked by `npm run lint` (dependency-cruiser). Type-only imports count:
 * a loop through types still ties the files together for a reader and for the compiler.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import loop between files: split the shared part into a file both can import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-atlas-not-contract',
      severity: 'error',
      comment: 'The atlas is built without the IPC contract (which imports the atlas): what it needs of the app, such as the home country, comes from home.ts.',
      from: { path: '^src/shared/atlas/' },
      to: { path: '^src/shared/contract\\.ts$' },
    },
    {
      name: 'app-not-build-or-test-code',
      severity: 'error',
      comment: 'The app never loads build steps (resources/build) or test code (tests/); only its own tests may.',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^(resources/build|tests)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|node_modules|test-results|bench/results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.json'] },
  },
};
