import type { CodegenConfig } from '@graphql-codegen/cli';

// Operations are typed from the committed schema; `npm run codegen` rewrites src/gql (committed, left
// as generated: .prettierignore lists it).
// CODEGEN_OUT lets the freshness test generate into a temporary folder.
const out = process.env.CODEGEN_OUT ?? 'apps/web/src/gql/';

const config: CodegenConfig = {
  schema: 'docs/schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
