// Git test helpers shared by the Commit Journal suite (git on) and the git-off suites
// (test/integrationGitOff/).
//
// startSessionWithAutoCommit: Start Session on the fixture workspace with `coaching.autoCommit` on and
// scripted answers (one new commitment), on 2026-11-24; the setting, today and the prompter are put back
// afterwards.
import * as vscode from 'vscode';
import type { CoachingExtensionApi } from '../../src/extension';
import { DEFAULT, ScriptedPrompter } from '../../src/platform/scriptedPrompter';

export async function startSessionWithAutoCommit(hooks: CoachingExtensionApi): Promise<ScriptedPrompter> {
  const saved = process.env.COACHING_TODAY;
  process.env.COACHING_TODAY = '2026-11-24';
  await vscode.workspace.getConfiguration('coaching').update('autoCommit', true, vscode.ConfigurationTarget.Global);
  const prompter = new ScriptedPrompter([
    'Skip for now',
    'See the journal committed after the session', '',
    DEFAULT,
    'Commit the journal after each session', 'Show strategic thinking', DEFAULT, 'The history shows each session', DEFAULT, 'No, one is enough',
  ]);
  hooks.setPrompterForTests(prompter);
  try {
    await vscode.commands.executeCommand('coaching.startSession');
  } finally {
    hooks.setPrompterForTests(undefined);
    await vscode.workspace.getConfiguration('coaching').update('autoCommit', undefined, vscode.ConfigurationTarget.Global);
    if (saved === undefined) {
      delete process.env.COACHING_TODAY;
    } else {
      process.env.COACHING_TODAY = saved;
    }
  }
  return prompter;
}

/** Makes the workspace a git repository with everything committed (as a test's starting point); returns HEAD. */
export function commitWorkspace(git: (...args: string[]) => string): string {
  git('init', '-q');
  git('config', 'user.email', 'tests@example.invalid');
  git('config', 'user.name', 'Coaching Journal tests');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
  return git('rev-parse', 'HEAD');
}
