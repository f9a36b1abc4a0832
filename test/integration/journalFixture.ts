// Helpers for the commands' integration tests: a known journal copied into the workspace before each
// test, the extension's test hooks, and byte-for-byte comparisons of the files on disk.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CoachingExtensionApi } from '../../src/extension';
import type { Prompter } from '../../src/platform/prompter';

export const EXTENSION_ID = 'coaching-journal.coaching-journal';
export const TODAY = '2026-11-24';

/** The workspace folder's journal (coaching/), which the tests replace with a fixture journal. */
export function journalDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return path.join(folder.uri.fsPath, 'coaching');
}

/** The fixture journal the tests start from (test/fixtures/commands/coaching in the repository). */
export function fixtureDir(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return path.join(extension.extensionPath, 'test', 'fixtures', 'commands', 'coaching');
}

export async function api(): Promise<CoachingExtensionApi> {
  const extension = vscode.extensions.getExtension<CoachingExtensionApi>(EXTENSION_ID);
  assert.ok(extension);
  return extension.activate();
}

/** The fixture file's bytes, as text (no decoding surprises: latin1 keeps every byte). */
export function fixtureText(rel: string): string {
  return fs.readFileSync(path.join(fixtureDir(), rel), 'utf8');
}

/** A journal file's text on disk, read as bytes. */
export function diskText(rel: string): string {
  return fs.readFileSync(path.join(journalDir(), rel), 'utf8');
}

/** Every file of a folder, relative paths with `/`, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        walk(child);
      } else {
        out.push(child);
      }
    }
  };
  if (fs.existsSync(dir)) {
    walk('');
  }
  return out.sort();
}

/** Asserts every fixture file is on disk byte-for-byte as it was, except those listed. */
export function assertUnchangedExcept(...changed: string[]): void {
  for (const rel of listFiles(fixtureDir())) {
    if (!changed.includes(rel)) {
      const actual = fs.readFileSync(path.join(journalDir(), rel));
      const expected = fs.readFileSync(path.join(fixtureDir(), rel));
      if (!actual.equals(expected)) {
        assert.strictEqual(actual.toString('latin1'), expected.toString('latin1'), `${rel} is unchanged`);
      }
    }
  }
}

/** `text` with each `[from, to]` replaced; each `from` must occur exactly once (so the test says what changes). */
export function edited(text: string, replacements: [string, string][]): string {
  for (const [from, to] of replacements) {
    assert.strictEqual(text.split(from).length - 1, 1, `"${from}" occurs once in the fixture`);
    text = text.replace(from, () => to);
  }
  return text;
}

/** The ids with a prefix (a, l, fb) dated today that a text holds, in order. */
export function newIds(text: string, prefix: string): string[] {
  return [...text.matchAll(new RegExp(`\\b${prefix}-20261124-[0-9a-z]{4}\\b`, 'g'))].map((m) => m[0]);
}

let backup: string | undefined;

/** Saves the workspace's own journal once, so the suite leaves the workspace as it found it. */
export function backUpWorkspaceJournal(): void {
  if (backup === undefined) {
    backup = fs.mkdtempSync(path.join(os.tmpdir(), 'coaching-backup-'));
    if (fs.existsSync(journalDir())) {
      fs.cpSync(journalDir(), path.join(backup, 'coaching'), { recursive: true });
    }
  }
}

export async function restoreWorkspaceJournal(): Promise<void> {
  await closeEditors();
  removeFiles(journalDir());
  if (backup && fs.existsSync(path.join(backup, 'coaching'))) {
    fs.cpSync(path.join(backup, 'coaching'), journalDir(), { recursive: true });
  }
  await settle();
}

/** Closes every editor, discarding unsaved changes (tests leave no dirty documents behind). */
export async function closeEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Replaces the workspace's journal with the fixture journal (or none) and has the extension read it.
 * The journal folder's contents are replaced rather than the folder itself when it stays, and the file
 * watcher's events are let through first, so that a late "folder deleted" event cannot empty the index
 * the test then runs against.
 */
export async function useFixtureJournal(which: 'fixture' | 'none' = 'fixture'): Promise<void> {
  await closeEditors();
  const dir = journalDir();
  if (which === 'none') {
    fs.rmSync(dir, { recursive: true, force: true });
  } else {
    removeFiles(dir);
    fs.cpSync(fixtureDir(), dir, { recursive: true });
  }
  await settle();
}

/**
 * Removes the files under a folder and keeps the folders: a folder deleted and created again at once can
 * drop out of the file watcher (the views' tests, which run later, rely on its events).
 */
function removeFiles(dir: string): void {
  if (!fs.existsSync(dir)) {
    return;
  }
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      removeFiles(p);
    } else {
      fs.rmSync(p, { force: true });
    }
  }
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 700));
  await (await api()).reloadJournalsForTests();
}

/**
 * The hooks of a suite that runs against the fixture journal: "today" fixed, the workspace's journal
 * backed up once, the fixture copied in before each test, the workspace restored after the suite.
 */
export function useFixtureJournalInSuite(): void {
  before(async () => {
    process.env.COACHING_TODAY = TODAY;
    await api();
    backUpWorkspaceJournal();
  });

  beforeEach(() => useFixtureJournal());

  after(async () => {
    delete process.env.COACHING_TODAY;
    await restoreWorkspaceJournal();
  });
}

/** Runs a command with `prompter` answering its questions (VS Code's own prompter again afterwards). */
export async function runWithPrompter(prompter: Prompter, command: string, ...args: unknown[]): Promise<unknown> {
  const hooks = await api();
  hooks.setPrompterForTests(prompter);
  try {
    return await vscode.commands.executeCommand(command, ...args);
  } finally {
    hooks.setPrompterForTests(undefined);
  }
}

/** Polls `probe` until it returns something truthy (the watcher and the views catch up a moment later). */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
