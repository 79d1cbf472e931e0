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
