// Lint rules, including the layer arrows of docs/architecture.md:
// web/ api/ cli/ jobs/ → services/ → analytics/ → store/ → domain/, and ocds/ → store/, domain/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((dir) => ({ group: [`**/${dir}/**`, `**/${dir}`], message: why })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(
    ['src/domain/**'],
    ['store', 'ocds', 'analytics', 'services', 'web', 'api', 'cli', 'jobs'],
    'domain/ is pure: it imports nothing of ours.',
  ),
  layer(
    ['src/store/**'],
    ['ocds', 'analytics', 'services', 'web', 'api', 'cli', 'jobs'],
    'store/ depends on domain/ only.',
  ),
  layer(
    ['src/ocds/**'],
    ['analytics', 'services', 'web', 'api', 'cli', 'jobs'],
    'ocds/ is the pipeline library: store/ and domain/ only.',
  ),
  layer(['src/analytics/**'], ['services', 'web', 'api', 'cli', 'jobs'], 'analytics/ sits below services/.'),
  layer(['src/services/**'], ['web', 'api', 'cli', 'jobs'], 'services/ must not know its callers.'),
  layer(
    ['src/web/**', 'src/api/**'],
    ['store', 'cli', 'jobs'],
    'Routes call services/; a route that needs SQL means a service is missing.',
  ),
  {
    files: ['src/cli/**', 'bench/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  { files: ['bin/**'], languageOptions: { globals: { ...globals.node } } },
);
