// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      complexity: ['warn', 40],
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
);
