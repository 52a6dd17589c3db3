import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the .graphql operations, against the printed subgraph SDL.
const config: CodegenConfig = {
  schema: ['../schema/complaints.graphql', './federation-directives.graphql'],
  documents: ['src/graphql/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { LocalDate: 'string', DateTime: 'string' },
        documentMode: 'documentNode',
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
