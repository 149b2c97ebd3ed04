// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layer direction (core < engine < server < cli; web reads only core): an import that names a higher layer's folder
// fails. test/import-graph.test.ts checks the same on the resolved import graph, and finds cycles.
/** A `no-restricted-imports` pattern for imports from the given higher layers of `src/`. */
const higherLayers = (layers, from) => ({
  group: layers.flatMap((layer) => [`**/${layer}/**`, `**/src/${layer}`]),
  message: `a lower layer never imports a higher one: ${from} may not import from ${layers.join(', ')}`,
});
/** Nothing in src/ imports the web page's sources. */
const WEB_PAGE = { group: ['**/web/**'], message: 'src/ never imports the web page' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/dist/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      complexity: ['error', 15],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'core stages take options as arguments' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:fs', message: 'core stages do no I/O' },
            { name: 'fs', message: 'core stages do no I/O' },
            { name: 'node:fs/promises', message: 'core stages do no I/O' },
            { name: 'node:http', message: 'core stages do no I/O' },
            { name: 'node:https', message: 'core stages do no I/O' },
          ],
          patterns: [higherLayers(['engine', 'server', 'cli'], 'core'), WEB_PAGE],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'no clock in core',
        },
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'no clock in core' },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [higherLayers(['server', 'cli'], 'engine'), WEB_PAGE] }],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [higherLayers(['cli'], 'server'), WEB_PAGE] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [WEB_PAGE] }] },
  },
  {
    files: ['web/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/*',
                '!**/src/core',
                '!**/src/server',
                '**/src/*/**',
                '!**/src/core/**',
                '!**/src/server/**',
              ],
              message: 'the web page imports only from core (model types, the report view) and its own folder',
            },
            {
              // The typed client (web/src/api.ts) reads the server's HTTP contract: its types, never its code.
              group: ['**/src/server', '**/src/server/**'],
              allowTypeImports: true,
              message: 'the web page imports only types from the server (its HTTP contract)',
            },
          ],
        },
      ],
    },
  },
);
