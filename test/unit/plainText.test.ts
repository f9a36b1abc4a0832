// Notifications turn `[label](command:…)` into a link that runs the command; note text must never do that.
import * as assert from 'assert';
import { isolateBidi, plainMessage, plainPickText, plainPrompt } from '../../src/platform/plainText';

/** VS Code 1.139's pattern for links in notification messages (workbench: parseLinkedText). */
const VSCODE_NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('Notification text', () => {
  it('makes no link out of note text, and reads the same', () => {
    for (const hostile of [
      '[click](command:workbench.action.quit)',
      'The frontmatter is not valid YAML (line 3: [x](command:workbench.action.files.delete "t")): fix it first',
      '[a](https://example.invalid/x) and [b](file:///etc/passwd)',
      'two [x] [y](command:z)',
    ]) {
      assert.ok(VSCODE_NOTIFICATION_LINK.test(hostile), `the pattern finds the link in ${hostile}`);
      VSCODE_NOTIFICATION_LINK.lastIndex = 0;
      const shown = plainMessage(hostile);
      assert.strictEqual(shown.match(VSCODE_NOTIFICATION_LINK), null, shown);
      assert.strictEqual(shown.replace(/\u2060/g, ''), hostile, 'only an invisible joiner is added');
    }
    assert.strictEqual(plainMessage('Session note coaching/sessions/2026-11-24.md written: 1 outcome(s) recorded.'), 'Session note coaching/sessions/2026-11-24.md written: 1 outcome(s) recorded.');
  });
});

describe('Note text beside other text', () => {
  it('isolates text with bidi controls so an override ends with it, and leaves other text alone', () => {
    assert.strictEqual(isolateBidi('Plain text, عربى too'), 'Plain text, عربى too');
    assert.strictEqual(isolateBidi('\u202Eevil'), '\u2068\u202Eevil\u2069');
    // An isolate closer inside cannot end the wrapper early.
    assert.strictEqual(isolateBidi('a\u2069\u202Eb\u2066c'), '\u2068a\u202Ebc\u2069');
  });
});

describe('Note text in quick picks and input prompts', () => {
  it('shows `$(name)` as typed rather than as an icon, and defuses links in prompts', () => {
    assert.strictEqual(plainPickText('$(alert) attention $(x)'), '\\$(alert) attention \\$(x)');
    assert.strictEqual(plainPickText('Plain text'), 'Plain text');
    assert.strictEqual(plainPickText('a \u202Eb'), '\u2068a \u202Eb\u2069');
    const prompt = plainPrompt('What did you learn from "[x](command:workbench.action.quit) $(alert)"?');
    assert.strictEqual(prompt.match(VSCODE_NOTIFICATION_LINK), null, prompt);
    assert.ok(prompt.includes('\\$(alert)'), prompt);
  });
});
