// Lint for every folder: typescript-eslint's recommended rules (syntax-only, so `npm run
// lint` stays fast on two cores; `tsc -b` already type-checks), plus React's hooks rules
// for the renderer. Build output and caches are not linted.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'release/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (callback positions, destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['electron/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}', 'build/**/*.{ts,js,mjs}', '*.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
);
