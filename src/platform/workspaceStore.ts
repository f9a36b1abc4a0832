import * as vscode from 'vscode';
import type { FileStamp, JournalStore } from '../core';

/** Folders never walked: hidden ones (.git, .obsidian…) and dependencies. */
const SKIP = new Set(['node_modules']);

const encoder = new TextEncoder();

/**
 * The JournalStore port over `vscode.workspace.fs` (local, remote and browser VS Code alike) for one
 * journal folder. An open document with unsaved changes is preferred over the file on disk, so unsaved
 * edits count.
 */
export class WorkspaceJournalStore implements JournalStore {
  constructor(readonly root: vscode.Uri) {}

  /** The URI of a path relative to the journal folder. */
  uri(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.root, ...path.split('/'));
  }

  /** The path relative to the journal folder of a URI inside it, or undefined for one outside it. */
  relative(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.root.scheme || uri.authority !== this.root.authority) {
      return undefined;
    }
    const base = this.root.path.endsWith('/') ? this.root.path : this.root.path + '/';
    if (!uri.path.startsWith(base)) {
      return undefined;
    }
    const rel = uri.path.slice(base.length).replace(/\/+$/, '');
    return rel === '' ? undefined : rel;
  }

  /** True when the journal folder exists. */
  async exists(): Promise<boolean> {
    try {
      return ((await vscode.workspace.fs.stat(this.root)).type & vscode.FileType.Directory) !== 0;
    } catch {
      return false;
    }
  }

  async list(): Promise<string[]> {
    return this.listUnder('');
  }

  /** Every `.md` file under a sub-folder (`''` for the whole journal); none when the folder is missing. */
  async listUnder(prefix: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(rel ? this.uri(rel) : this.root);
      } catch {
        return; // missing (no journal yet) or unreadable: no notes there, and the rest is still read
      }
      await Promise.all(entries.map(async ([name, type]) => {
        if (name.startsWith('.') || SKIP.has(name)) {
          return;
        }
        const child = rel ? `${rel}/${name}` : name;
        if (type & vscode.FileType.Directory) {
          await walk(child);
        } else if (type & vscode.FileType.File && name.toLowerCase().endsWith('.md')) {
          out.push(child);
        }
      }));
    };
    await walk(prefix);
    return out.sort();
  }

  async read(path: string): Promise<Uint8Array> {
    const doc = this.unsavedDocument(path);
    if (doc) {
      return encoder.encode(doc.getText());
    }
    return vscode.workspace.fs.readFile(this.uri(path));
  }

  /** A file's modification time and size (what the cache of parsed notes is keyed by). */
  async stat(path: string): Promise<FileStamp> {
    const st = await vscode.workspace.fs.stat(this.uri(path));
    return { mtime: st.mtime, size: st.size };
  }

  /** The open (not closed) text document of a note, if there is one. */
  openDocument(path: string): vscode.TextDocument | undefined {
    const target = this.uri(path).toString();
    return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === target);
  }

  /**
   * The open document of a note when it has unsaved changes: then its text is what the person sees and
   * counts. A saved one holds what the file holds (and may outlive its editor, even its file), so the
   * file is read instead.
   */
  unsavedDocument(path: string): vscode.TextDocument | undefined {
    const doc = this.openDocument(path);
    return doc?.isDirty ? doc : undefined;
  }
}
