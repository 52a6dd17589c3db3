import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/coverage/**',
      'server/src/db/migrations/Migration*.ts',
      'admin/src/graphql/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Decorator metadata needs runtime imports of classes used only as types.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // A module's public door is its index.ts: another module imports nothing else of it, not
    // even a type (server/test/lint/module-doors.test.ts proves the rule fails such an import).
    name: 'module-doors/modules',
    files: ['server/src/modules/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[a-z-]+/(?!index\\.js$)',
              message: 'Import another module only through its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The app's wiring (services, resolvers, loaders, entities) goes through the same doors.
    name: 'module-doors/wiring',
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/modules/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)modules/[a-z-]+/(?!index\\.js$)',
              message: 'Import a module only through its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.vue', 'admin/src/**/*.ts', 'admin/test/**/*.ts'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      // Prettier owns the layout of templates.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any) are typed `any` on purpose.
    files: ['**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['test/bench/**/*.js', 'admin/spa-operations.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: [
      '**/*.js',
      '**/*.config.ts',
      'vitest.summary-reporter.ts',
      'admin/codegen.ts',
      'admin/spa-operations.d.ts',
    ],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
