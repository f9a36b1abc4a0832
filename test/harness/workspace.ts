// Tests get a copy of a journal in a temp dir, so they may write freely and the repository stays clean.
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './processes';

/** Copies `source` to <temp>/journal and returns that path (the folder VS Code opens). */
export function copyWorkspace(source: string, prefix = 'workspace'): string {
  if (!fs.existsSync(source)) {
    throw new Error(`workspace source ${source} does not exist`);
  }
  const target = path.join(tempDir(prefix), 'journal');
  fs.cpSync(source, target, { recursive: true });
  return target;
}
