// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports a layer may not make, with the reason the architecture note gives (docs/ARCHITECTURE.md). */
const forbid = (group, message) => ['error', { patterns: [{ group, message }] }];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'test-artifacts/**',
      'bench/out/**',
      'web/dist/**',
      'dist/**',
      // Generated from docs/openapi.json (npm run generate:api); a test keeps it fresh.
      'web/src/lib/api-schema.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          'node:*',
          '**/geo/**',
          '**/importers/**',
          '**/analysis/**',
          '**/services/**',
          '**/storage/**',
          '**/http/**',
          '**/cli/**',
          '**/i18n/**',
          '**/security/**',
        ],
        'core is the pure domain: no I/O, no other layer, no Node modules (DESIGN §3).',
      ),
    },
  },
  {
    files: ['src/analysis/**/*.ts', 'src/geo/**/*.ts', 'src/importers/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['**/storage/**', '**/services/**', '**/http/**', '**/cli/**', '**/security/**'],
        'analysis, geo and importers depend on core only, so they stay testable on plain arrays (DESIGN §3).',
      ),
    },
  },
  {
    files: ['src/security/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          '**/geo/**',
          '**/importers/**',
          '**/analysis/**',
          '**/services/**',
          '**/storage/**',
          '**/http/**',
          '**/cli/**',
          '**/i18n/**',
        ],
        'security holds keys, passwords and the audit chain and depends on core only, so it is small enough to review (DESIGN §8).',
      ),
    },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['**/http/**', '**/cli/**', '**/storage/sqlite/**', '**/storage/postgres/**'],
        'services talk to storage through ports and know nothing of the edges (DESIGN §3, §10.2).',
      ),
    },
  },
  {
    files: ['src/http/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          '**/storage/sqlite/**',
          '**/storage/postgres/**',
          '**/importers/**',
          '**/analysis/**',
          '**/security/**',
        ],
        'edges validate, call a service and present; keys and secrets stay behind the services; wiring of adapters happens in src/main.ts only (DESIGN §10.3).',
      ),
    },
  },
  {
    // Tests read JSON answers whose shape is what they assert; typing every response would restate the schemas.
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
