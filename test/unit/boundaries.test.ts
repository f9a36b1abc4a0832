import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

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

  it('only the CLI uses Node fs; everything else goes through vscode.workspace.fs', async () => {
    for (const f of await sources(path.join(ROOT, 'src'))) {
      if (f.includes(`${path.sep}cli${path.sep}`)) {
        continue;
      }
      assert.doesNotMatch(await fs.readFile(f, 'utf8'), /(from\s+|require\()\s*['"](fs|node:fs|fs\/promises|node:fs\/promises)['"]/, path.relative(ROOT, f));
    }
  });
});
