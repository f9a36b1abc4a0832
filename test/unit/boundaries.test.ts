import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

/** An import of Node's file system or processes, in any form (static, `= require`, require, dynamic). */
const NODE_IO = /(\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"](node:)?(fs|fs\/promises|child_process)['"]/;

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      out.push(...(await sources(p)));
    } else if (e.name.endsWith('.ts')) {
      out.push(p);
    }
  }
  return out;
}

describe('Architecture', () => {
  it('the core imports neither vscode nor fs', async () => {
    const files = await sources(path.join(ROOT, 'src/core'));
    assert.ok(files.length > 10);
    for (const f of files) {
      const text = await fs.readFile(f, 'utf8');
      assert.doesNotMatch(text, /(from\s+|require\()\s*['"](vscode|fs|node:fs|fs\/promises|node:fs\/promises)['"]/, path.relative(ROOT, f));
    }
  });

  it('only the CLI uses Node fs or child_process; everything else goes through vscode.workspace.fs (virtual and remote workspaces)', async () => {
    const checked: string[] = [];
    for (const f of await sources(path.join(ROOT, 'src'))) {
      if (f.includes(`${path.sep}cli${path.sep}`)) {
        continue;
      }
      checked.push(f);
      assert.doesNotMatch(await fs.readFile(f, 'utf8'), NODE_IO, path.relative(ROOT, f));
    }
    assert.ok(checked.some((f) => f.endsWith(`platform${path.sep}conversions.ts`)) && checked.length > 40, 'the extension side is checked');
  });

  it('the Node I/O pattern finds every way of importing fs and child_process', () => {
    for (const line of [
      "import * as fs from 'fs';", 'import { readFile } from "fs/promises";', "import fs from 'node:fs';", "import { promises } from 'node:fs'",
      "const fs = require('fs');", "import fs = require('fs');", "const { readFileSync } = require( 'node:fs' );", "await import('fs/promises')",
      "import { execFile } from 'child_process';", "require('node:child_process')",
    ]) {
      assert.match(line, NODE_IO, line);
    }
    for (const line of ["import * as vscode from 'vscode';", "import { x } from './fsUtil';", "vscode.workspace.fs.readFile(uri)", "import * as path from 'path';"]) {
      assert.doesNotMatch(line, NODE_IO, line);
    }
  });
});
