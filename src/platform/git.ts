/**
 * Commit Journal through VS Code's built-in git extension (`vscode.git`, API version 1). Only the
 * journal folder is staged and committed; nothing is ever pushed. The types below are the small part of
 * that extension's public API this file uses.
 */
import * as vscode from 'vscode';

interface GitChange {
  readonly uri: vscode.Uri;
}

interface GitRepositoryState {
  readonly indexChanges: readonly GitChange[];
  readonly workingTreeChanges: readonly GitChange[];
  readonly untrackedChanges?: readonly GitChange[];
}

interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: GitRepositoryState;
  add(paths: string[]): Promise<void>;
  commit(message: string): Promise<void>;
  status(): Promise<void>;
}

interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** Why Commit Journal could not commit; the message says what to do. */
export class GitUnavailable extends Error {}

export type CommitResult = { committed: true; files: number } | { committed: false; reason: string };

function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  return uri.scheme === folder.scheme && (uri.path === folder.path || uri.path.startsWith(base));
}

async function gitApi(): Promise<GitApi> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) {
    throw new GitUnavailable('The built-in Git extension is not available in this VS Code, so the journal cannot be committed from here. Commit the journal folder with git yourself.');
  }
  const exports = ext.isActive ? ext.exports : await ext.activate();
  if (!exports.enabled) {
    throw new GitUnavailable('The built-in Git extension is disabled (setting "git.enabled"). Enable it to commit the journal from VS Code.');
  }
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000);
      const sub = api.onDidChangeState((s) => {
        if (s === 'initialized') {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      });
    });
  }
  return api;
}

/**
 * Stages every change under `journalRoot` and commits it with `message`. Refuses (without staging
 * anything) when other files are already staged, so that a journal commit never carries them along.
 */
export async function commitJournalFolder(journalRoot: vscode.Uri, message: string): Promise<CommitResult> {
  const api = await gitApi();
  const repo = api.getRepository(journalRoot) ?? (await api.openRepository?.(journalRoot)) ?? null;
  if (!repo) {
    throw new GitUnavailable(`The journal folder ${vscode.workspace.asRelativePath(journalRoot)} is not in a git repository. Run "git init" in your workspace (or "Git: Initialize Repository") to keep its history.`);
  }
  await repo.status();
  const otherStaged = repo.state.indexChanges.filter((c) => !isInside(c.uri, journalRoot));
  if (otherStaged.length > 0) {
    return { committed: false, reason: `${otherStaged.length} file${otherStaged.length === 1 ? ' is' : 's are'} already staged outside the journal (${vscode.workspace.asRelativePath(otherStaged[0].uri)}…). Commit or unstage ${otherStaged.length === 1 ? 'it' : 'them'} first, so the journal commit holds only journal notes.` };
  }
  const changed = [...repo.state.workingTreeChanges, ...(repo.state.untrackedChanges ?? []), ...repo.state.indexChanges].filter((c) => isInside(c.uri, journalRoot));
  const paths = [...new Set(changed.map((c) => c.uri.fsPath))];
  if (paths.length === 0) {
    return { committed: false, reason: 'The journal has no changes to commit.' };
  }
  await repo.add(paths);
  await repo.commit(message);
  return { committed: true, files: paths.length };
}
