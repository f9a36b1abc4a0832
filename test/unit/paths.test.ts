/**
 * Issue #9, paths: names a person types (focus-area titles and value names that become file names and
 * ids, the template and folder settings, the CLI's --dir and -o) land inside the journal folder with a
 * sane file name, or are refused with a reason.
 */
import * as assert from 'assert';
import * as path from 'path';
import { promises as fs } from 'fs';
import fc from 'fast-check';
import { fileSlug, unsafePathReason, MAX_NAME_BYTES } from '../../src/core';
import { FIXTURE, cli, tempDir } from './helpers';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** A relative path stays under the folder on POSIX and on Windows. */
function staysInside(rel: string): boolean {
  const posix = path.posix.resolve('/journal', rel);
  const win = path.win32.resolve('C:\\journal', rel);
  return posix.startsWith('/journal/') && win.toLowerCase().startsWith('c:\\journal\\');
}

describe('Titles and names typed by a person become safe file names', () => {
  // [typed title, the slug expected (undefined: refused with "use at least one letter or digit")]
  const titles: [string, string | undefined][] = [
    ['Show strategic thinking', 'show-strategic-thinking'],
    ['../../etc/passwd', 'etc-passwd'],
    ['/etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\System32', 'c-windows-system32'],
    ['\\\\server\\share', 'server-share'],
    ['CON', 'con-1'],
    ['nul', 'nul-1'],
    ['Aux.md', 'aux-md'],
    ['aux', 'aux-1'],
    ['COM1', 'com1-1'],
    ['lpt9', 'lpt9-1'],
    ['con ', 'con-1'],
    ['...', undefined],
    ['. .', undefined],
    ['!!!?*<>|"', undefined],
    ['🙂🙂🙂', undefined],
    ['🙂 Growth 🚀', 'growth'],
    ['Équipe & café', 'equipe-cafe'],
    ['日本語のタイトル', undefined],
    ['trailing dot.', 'trailing-dot'],
    ['trailing space   ', 'trailing-space'],
    ['\u202Eevil\u202C.md', 'evil-md'],
    ['a\u0000b', 'a-b'],
    ['x'.repeat(300), 'x'.repeat(48)],
    ['é'.repeat(300), 'e'.repeat(48)],
  ];
  for (const [title, slug] of titles) {
    it(`${JSON.stringify(title.length > 40 ? title.slice(0, 20) + '…' : title)} → ${slug ?? 'refused'}`, () => {
      assert.strictEqual(fileSlug(title), slug);
      if (slug) {
        const file = `focus-areas/${slug}.md`;
        assert.strictEqual(unsafePathReason(file), undefined, file);
        assert.ok(staysInside(file));
      }
    });
  }

  it('any string at all gives a slug that is a safe file name inside the folder, or none (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (title) => {
        const slug = fileSlug(title);
        if (slug === undefined) {
          return;
        }
        assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(bytes(slug) <= 50);
        assert.strictEqual(unsafePathReason(`focus-areas/${slug}.md`), undefined, slug);
        assert.ok(staysInside(`focus-areas/${slug}.md`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Relative paths in settings (template, journal folder) are refused unless safely inside', () => {
  const refused: [string, RegExp][] = [
    ['../x.md', /"\." or "\.\."/],
    ['a/../../x', /"\." or "\.\."/],
    ['./x.md', /"\." or "\.\."/],
    ['/etc/passwd', /absolute/],
    ['\\\\server\\share\\x.md', /absolute/],
    ['C:\\x.md', /absolute/],
    ['c:x.md', /absolute/],
    ['con.md', /reserved device name/],
    ['CON .md', /reserved device name/],
    ['templates/Aux', /reserved device name/],
    ['com\u00b9.md', /reserved device name/],
    ['CONIN$', /reserved device name/],
    ['x\u0000.md', /not allowed/],
    ['x\u007f.md', /not allowed/],
    ['x\u0085.md', /not allowed/],
    ['ann\u202Egpj.md', /not allowed/],
    ['a?.md', /not allowed/],
    ['a:stream', /not allowed/],
    ['a//b.md', /empty folder part/],
    ['', /empty/],
    ['dot.', /end with a dot or a space/],
    ['space ', /end with a dot or a space/],
    ['x'.repeat(MAX_NAME_BYTES + 1), /too long/],
    ['é'.repeat(MAX_NAME_BYTES / 2 + 1), /too long/],
    ['日'.repeat(Math.floor(MAX_NAME_BYTES / 3) + 1), /too long/],
    ['🙂'.repeat(MAX_NAME_BYTES / 4 + 1), /too long/],
  ];
  for (const [rel, reason] of refused) {
    it(`refuses ${JSON.stringify(rel.length > 40 ? rel.slice(0, 12) + '…' : rel)}`, () => {
      assert.match(unsafePathReason(rel) ?? 'accepted', reason);
    });
  }

  const accepted = ['templates/session.md', 'focus-areas/strategic-work.md', 'notes/日本語.md', 'emoji 🙂.md', 'console.md', 'com10.md',
    'x'.repeat(MAX_NAME_BYTES), 'é'.repeat(MAX_NAME_BYTES / 2), '.hidden/x.md'];
  for (const rel of accepted) {
    it(`accepts ${JSON.stringify(rel.length > 40 ? rel.slice(0, 12) + '…' : rel)}`, () => {
      assert.strictEqual(unsafePathReason(rel), undefined);
    });
  }

  it('whatever it accepts stays inside the folder on POSIX and Windows, within the name limit (property)', () => {
    const part = fc.oneof(fc.constantFrom('..', '.', '', 'con', 'aux.md', 'a', '~', 'C:', '\\'), fc.string({ unit: 'binary', maxLength: 120 }));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), fc.constantFrom('/', '\\'), (parts, sep) => {
        const rel = parts.join(sep);
        if (unsafePathReason(rel) !== undefined) {
          return;
        }
        assert.ok(staysInside(rel), rel);
        for (const p of rel.split(/[\\/]/)) {
          assert.ok(bytes(p) <= MAX_NAME_BYTES);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('The CLI with odd paths', () => {
  it('--dir that is missing, a file, or too long: exit 1 with one line', async () => {
    for (const dir of ['no/such/folder', path.join(FIXTURE, 'big-picture.md'), 'x'.repeat(300)]) {
      const { code, err } = await cli(['--dir', dir, 'list']);
      assert.strictEqual(code, 1, dir);
      assert.match(err, /^coaching-journal: no journal folder at [^\n]+\n$/);
    }
  });

  it('export -o never overwrites, and a name the file system refuses gives one clear line', async () => {
    const cwd = await tempDir('cj-out-');
    try {
      await fs.writeFile(path.join(cwd, 'taken.md'), 'mine');
      await fs.writeFile(path.join(cwd, 'a-file'), 'mine');
      const cases: [string, RegExp][] = [
        ['taken.md', /taken\.md already exists; choose another file name \(nothing was overwritten\)/],
        ['a-file/evidence.md', /a-file: a part of this path is a file, not a folder\. Nothing was changed\./],
        [`${'é'.repeat(200)}.md`, /: the name is too long for the file system\. Nothing was changed\./],
        ['.', /already exists/],
      ];
      for (const [out, message] of cases) {
        const { code, err } = await cli(['--dir', FIXTURE, 'export', '-o', out], cwd);
        assert.strictEqual(code, 1, out);
        assert.match(err, /^coaching-journal: [^\n]+\n$/);
        assert.match(err, message);
      }
      assert.strictEqual(await fs.readFile(path.join(cwd, 'taken.md'), 'utf8'), 'mine');
      assert.deepStrictEqual((await fs.readdir(cwd)).sort(), ['a-file', 'taken.md']);
    } finally {
      await fs.rm(cwd, { recursive: true, force: true });
    }
  });
});
