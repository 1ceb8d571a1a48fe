// ESLint flat config, the way microsoft/teams.ts sets it up: @eslint/js recommended + typescript-eslint
// recommended. Not the type-checked presets, so a run stays a few seconds; tsc already checks types.
// Formatting is prettier's job (.prettierrc.json); neither preset has formatting rules to switch off.
// @ts-check
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The Node globals the CommonJS scripts use (the `globals` package would be one more dependency for a dozen names).
const nodeGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', 'data/', 'devTools/', 'test-results/', 'appPackage/build/']),
  {
    files: ['src/**/*.ts', 'dialogs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    extends: [eslint.configs.recommended, tseslint.configs.recommended],
    rules: {
      // As tsc's noUnusedParameters: `_name` is a parameter the signature needs; `{ a: _a, ...rest }` drops a field.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // phonedesk matches control characters on purpose, to clean untrusted text (reasons, names, typed messages).
      'no-control-regex': 'off',
    },
  },
  {
    // Plain Node scripts: the test fixtures run as child processes, the icon script, tool configs.
    files: ['**/*.js', '**/*.cjs'],
    extends: [eslint.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
  },
);
