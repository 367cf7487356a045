import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** DESIGN §2 import rules, one entry per layer: what each layer must never import. */
const layer = (files, forbidden, message, extra = {}) => ({
  files,
  ...extra,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: forbidden.paths ?? [],
        patterns: [{ group: forbidden.patterns ?? [], message }],
      },
    ],
  },
});

const outside = (...folders) => folders.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]);

export default tseslint.config(
  { ignores: ['.scratch*/**', 'node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  layer(
    ['shared/**/*.ts'],
    { paths: ['electron', 'react'], patterns: [...outside('electron', 'renderer', 'sandbox', 'e2e', 'bench'), 'node:*'] },
    'shared/ is pure TypeScript used by both sides: no Node, DOM, Electron or app imports (DESIGN §2).',
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    { paths: ['electron'], patterns: [...outside('electron', 'sandbox'), 'node:*'] },
    'The renderer imports shared/ only; it reaches main through the typed contract (DESIGN §2).',
  ),
  layer(
    ['electron/core/**/*.ts', 'electron/vendors/**/*.ts'],
    { paths: ['electron'], patterns: [...outside('main', 'preload', 'shell', 'renderer', 'sandbox')] },
    'core/ and vendors/ are transport-agnostic: no Electron, no shell, no renderer, no sandbox (DESIGN §2).',
    { ignores: ['electron/core/startup.ts', '**/*.test.ts'] },
  ),
  layer(
    ['electron/core/startup.ts'],
    { paths: ['electron'], patterns: [...outside('main', 'preload', 'shell', 'renderer')] },
    'startup.ts may start the sandbox emulators, nothing else outside core.',
  ),
  layer(
    ['electron/shell/**/*.ts'],
    { paths: ['electron'], patterns: [...outside('main', 'preload', 'renderer', 'sandbox')] },
    'The browser shell runs the same core without Electron.',
  ),
  layer(
    ['sandbox/**/*.ts'],
    { paths: ['electron'], patterns: [...outside('electron', 'renderer', 'e2e', 'bench')] },
    'Emulators import shared/ only: an emulator that shares code with the client it tests proves nothing.',
    { ignores: ['**/*.test.ts'] },
  ),
  {
    files: ['sandbox/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron'], patterns: [{ group: [...outside('electron', 'renderer')], message: 'Emulator tests exercise the wire protocol, not our adapters.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'sandbox/cli.ts', 'electron/shell/cli.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
