import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '*.js', '*.mjs', 'src/web/assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/await-thenable': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // A third party's recomputation: it may rely on the public HTTP reads only, never on the service's code.
    files: ['scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src', '**/src/**'], message: 'scripts use the public API, not the code in src/' }] },
      ],
    },
  },
  {
    // Services throw DomainError with a code, never HTTP exceptions or statuses, so the worker uses
    // them as they are; one filter maps codes to statuses. Repositories and pure rules likewise.
    files: ['src/modules/**/*.service.ts', 'src/modules/**/*.repository.ts', 'src/modules/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/common'],
              importNamePattern: '^(HttpStatus|HttpCode|.*Exception)$',
              message:
                'Throw a DomainError with a code (common/errors); HTTP belongs to controllers and the error filter.',
            },
          ],
        },
      ],
    },
  },
);
