// One lint configuration for the TypeScript tree. typescript-eslint's recommended rules without
// type information, so a run takes seconds. To lint another part (apps/web), add its glob to SOURCES.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SOURCES = [
  'apps/api/**/*.ts',
  'apps/worker/**/*.ts',
  'apps/launcher/**/*.ts',
  'apps/composition/**/*.ts',
  'apps/web/**/*.{ts,tsx}',
  'libs/**/*.ts',
  'test/**/*.ts',
  'migrations/**/*.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'apps/web/src/gql/**', 'test-results/**'] },
  {
    files: SOURCES,
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // Nest and TypeORM need empty classes, decorators and `any` at some framework seams; the
      // rules below keep the recommended set honest without fighting the framework.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // PostGraphile is the peer of test/bench/requests.bench.ts: a devDependency of that benchmark only.
    files: SOURCES,
    ignores: ['test/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(postgraphile|grafast|grafserv|graphile-build|graphile-build-pg|graphile-config|graphile-utils|@dataplan/.+)(/.*)?$',
              message: 'PostGraphile is a devDependency of the request benchmark (test/bench) only, never of the product.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read GraphQL answers and raw rows as loosely typed JSON, and load a few modules lazily.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Released migrations never change, so their long SQL lines stay as they are.
    files: ['migrations/**/*.ts'],
    rules: { 'max-len': 'off' },
  },
);
