import * as vscode from 'vscode';

/**
 * Creates a new file `<base>.<ext>` under `root` — or `<base>-2`, `-3`… when that name is taken — and
 * returns its URI. Never writes over an existing file: the creation itself fails if the file appeared in
 * the meantime, and the next name is tried.
 */
export async function createNewFile(root: vscode.Uri, base: string, ext: string, contents: Uint8Array): Promise<vscode.Uri> {
  for (let n = 1; n < 1000; n++) {
    const uri = vscode.Uri.joinPath(root, ...`${base}${n === 1 ? '' : `-${n}`}${ext}`.split('/'));
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (exists) {
      continue;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents });
    if (await vscode.workspace.applyEdit(edit)) {
      return uri;
    }
  }
  throw new Error(`Could not find a free file name for ${base}${ext}.`);
}
