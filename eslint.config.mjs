// The core is the journal model: it must stay free of `vscode` and of Node's `fs`, so that the CLI, the
// extension and the browser can all run it. These rules enforce that (a test checks it too).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.cache/**', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not depend on VS Code: return data and let an adapter apply it.' },
          { name: 'fs', message: 'src/core must not touch the file system: go through the JournalStore port.' },
          { name: 'node:fs', message: 'src/core must not touch the file system: go through the JournalStore port.' },
          { name: 'fs/promises', message: 'src/core must not touch the file system: go through the JournalStore port.' },
          { name: 'node:fs/promises', message: 'src/core must not touch the file system: go through the JournalStore port.' },
        ],
      }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'fs', message: 'Use vscode.workspace.fs (works in remote and browser VS Code).' },
          { name: 'node:fs', message: 'Use vscode.workspace.fs (works in remote and browser VS Code).' },
          { name: 'fs/promises', message: 'Use vscode.workspace.fs (works in remote and browser VS Code).' },
        ],
      }],
    },
  },
);
