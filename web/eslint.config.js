// ESLint for the web app (issue 13 item 14), run by `make lint` (scripts/lint.sh) with --max-warnings 0.
// typescript-eslint's recommended rules without type information (fast: no type checking here, `tsc`
// does that), the two classic React hooks rules, and the size limits of the issue: no file over 500
// lines except the data tables listed in scripts/lint/size-exceptions.txt, no function or component
// over 120 lines. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The same list scripts/lint/check-sizes.sh reads, as globs relative to web/.
const sizeExceptions = readFileSync(new URL('../scripts/lint/size-exceptions.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*/, '').trim())
  .filter((glob) => glob.startsWith('web/') && /\.(ts|tsx|js|mjs)$/.test(glob))
  .map((glob) => glob.slice('web/'.length));

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // Hooks in the same order on every render, and effects that see the values they use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Counted as `wc -l` counts, blank lines and comments included.
      'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: false, skipComments: false, IIFEs: true }],
      // `_name` marks an argument kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Node scripts and the browser tests run in Node; a test file is a list of cases, not a function.
    files: ['scripts/**/*.{js,mjs}', 'e2e/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['e2e/**/*.mjs', 'src/**/*.test.{ts,tsx}'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    // The 500-line limit is for the app's sources (issue 13); the browser tests are scenarios.
    files: ['e2e/**/*.mjs'],
    rules: { 'max-lines': 'off' },
  },
  { files: sizeExceptions, rules: { 'max-lines': 'off' } },
);
