/** The JournalStore port over Node's file system, for the CLI. */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { JournalStore } from '../core';

const SKIP = new Set(['node_modules', '.git']);

export class NodeJournalStore implements JournalStore {
  constructor(readonly root: string) {}

  async list(): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      for (const e of entries) {
        if (e.name.startsWith('.') || SKIP.has(e.name)) {
          continue;
        }
        const childRel = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          await walk(path.join(dir, e.name), childRel);
        } else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) {
          out.push(childRel);
        }
      }
    };
    await walk(this.root, '');
    return out.sort();
  }

  async read(rel: string): Promise<Uint8Array> {
    return fs.readFile(this.abs(rel));
  }

  abs(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  /**
   * Replaces a file's content only if it still has the bytes `expected` (no lost update), through a
   * temporary file and a rename so that a crash never leaves a half-written note.
   */
  async replace(rel: string, expected: Uint8Array, next: Uint8Array): Promise<void> {
    const file = this.abs(rel);
    const current = await fs.readFile(file);
    if (Buffer.compare(current, Buffer.from(expected)) !== 0) {
      throw new Error(`${rel} changed while it was being edited; nothing was written. Run the command again.`);
    }
    const stat = await fs.stat(file);
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
      await fs.writeFile(tmp, next, { mode: stat.mode });
      await fs.rename(tmp, file);
    } catch (e) {
      // A full disk can fail the write half-way: the partial temporary file goes, the note was never touched.
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }

  /** Creates a new file; fails if it exists (never overwrites). */
  static async create(file: string, data: Uint8Array): Promise<void> {
    const dir = path.dirname(file);
    await fs.mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      // EEXIST from mkdir means a part of the folder path is a file: the new file itself does not exist.
      throw e.code === 'EEXIST' ? Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: dir }) : e;
    });
    await fs.writeFile(file, data, { flag: 'wx' });
  }
}
