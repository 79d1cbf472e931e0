import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports each layer may not make: the renderer never reaches main; shared reaches neither. */
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream'];
const restricted = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration > ObjectExpression', message: 'Export named functions, not a default namespace object.' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restricted(
        ['electron', '**/main/**', '**/renderer/**', '**/preload/**', 'react', 'react-dom', 'maplibre-gl', ...NODE_BUILTINS],
        'src/shared is pure TypeScript: no Electron, Node, DOM or other layer.',
      ),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    // Unit tests run in Node and may load the real data the way main does.
    ignores: ['src/renderer/**/*.test.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restricted(['electron', '**/main/**', '**/preload/**', ...NODE_BUILTINS], 'The renderer talks to main only through window.atlas.'),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restricted(['**/main/**', '**/renderer/**', ...NODE_BUILTINS], 'The preload only bridges the contract.'),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restricted(['**/renderer/**', '**/preload/**', 'react', 'react-dom', 'maplibre-gl'], 'Main never imports the renderer.'),
    },
  },
  {
    // Only src/main/electron wires Electron; the rest of main takes what it needs as arguments
    // (ports.ts), so it runs the same in Electron, in unit tests and in the e2e harness.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': restricted(
        ['electron', '**/renderer/**', '**/preload/**', 'react', 'react-dom', 'maplibre-gl'],
        'Only src/main/electron imports Electron; the rest of main gets it through ports.ts, and never imports the renderer.',
      ),
    },
  },
  {
    // Build steps (map geometry) run in Node at build time; the app never loads them.
    files: ['resources/build/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['tests/**/*.{ts,js,mjs,cjs}', 'bench/**/*.{ts,js,mjs}', 'resources/build/**/*.{mjs,mts}', '*.config.ts', 'src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
