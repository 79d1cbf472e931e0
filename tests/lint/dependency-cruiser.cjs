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
      name: 'main-electron-only-in-electron',
      severity: 'error',
      comment: 'Only src/main/electron imports Electron: the rest of main runs without it (unit tests, the e2e harness) and reaches the desktop through ports.ts.',
      from: { path: '^src/main/', pathNot: '^src/main/electron/' },
      to: { path: '(^|/)node_modules/electron/|^electron$' },
    },
    {
      name: 'main-handlers-below-compose',
      severity: 'error',
      comment: 'The handler table is built in compose.ts; besides the handlers themselves only Electron\'s side (the Invoker it registers) imports src/main/handlers.',
      from: { path: '^src/main/', pathNot: '^src/main/(compose(\\.test)?\\.ts$|handlers/|electron/)' },
      to: { path: '^src/main/handlers/' },
    },
    {
      name: 'main-services-below-handlers',
      severity: 'error',
      comment: 'store/, import/, desktop/ and data/ serve the handlers and Electron\'s side: they import neither handlers/, electron/ nor compose.ts.',
      from: { path: '^src/main/(store|import|desktop|data)/' },
      to: { path: '^src/main/(handlers/|electron/|compose\\.ts$)' },
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
    {
      name: 'renderer-app-is-top',
      severity: 'error',
      comment:
        'The renderer app/ composes the window (App, its commands, dialogs of the app): features and ui/ are imported by it, never the other way; only main.tsx loads it.',
      from: { path: '^src/renderer/src/', pathNot: '^src/renderer/src/(app/|main\\.tsx$)' },
      to: { path: '^src/renderer/src/app/' },
    },
    {
      name: 'renderer-ui-is-generic',
      severity: 'error',
      comment: 'ui/ holds generic pieces (Modal, Toasts, useInSteps) any feature may use: they import no feature folder and nothing else of the renderer.',
      from: { path: '^src/renderer/src/ui/' },
      to: { path: '^src/renderer/src/', pathNot: '^src/renderer/src/ui/' },
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
