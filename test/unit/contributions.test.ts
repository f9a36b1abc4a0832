// package.json's contributions agree with the code: every command has the "Coaching" category and an
// activation event, menus name contributed commands, tree-only commands stay out of the palette.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CommandId, WRITING_COMMANDS } from '../../src/commands/commandIds';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

interface MenuItem {
  command: string;
  when?: string;
}

describe('package.json contributions', () => {
  const commands: { command: string; title: string; category?: string }[] = pkg.contributes.commands;
  const ids = commands.map((c) => c.command);
  const known = new Set<string>(Object.values(CommandId));

  it('names only command ids from src/commands/commandIds.ts, each in the "Coaching" category', () => {
    assert.deepStrictEqual(ids.filter((id) => !known.has(id)), []);
    assert.deepStrictEqual(commands.filter((c) => c.category !== 'Coaching').map((c) => c.command), []);
  });

  it('activates narrowly: on the journal, the views and each command, never on "*"', () => {
    const events: string[] = pkg.activationEvents;
    assert.ok(!events.includes('*'));
    for (const id of ids) {
      assert.ok(events.includes(`onCommand:${id}`), `onCommand:${id}`);
    }
    for (const view of pkg.contributes.views.coaching as { id: string }[]) {
      assert.ok(events.includes(`onView:${view.id}`), `onView:${view.id}`);
    }
  });

  it('menus refer to contributed commands; the group-by switch is not in the palette', () => {
    const menus = pkg.contributes.menus as Record<string, MenuItem[]>;
    for (const [menu, items] of Object.entries(menus)) {
      for (const item of items) {
        assert.ok(ids.includes(item.command), `${menu}: ${item.command} is contributed`);
      }
    }
    assert.ok(menus.commandPalette.some((m) => m.command === CommandId.GroupCommitmentsBy && m.when === 'false'));
  });

  it('shows the record-outcome actions on both open and overdue commitments', () => {
    const item = (pkg.contributes.menus['view/item/context'] as (MenuItem & { group: string })[])
      .find((m) => m.command === CommandId.RecordOutcome && m.group.startsWith('inline'));
    assert.ok(item?.when);
    const re = /viewItem =~ \/(.*)\//.exec(item.when);
    assert.ok(re);
    const matcher = new RegExp(re[1]);
    assert.ok(matcher.test('commitment.open') && matcher.test('commitment.overdue') && !matcher.test('group.focus'));
  });

  it('offers Carry Forward beside Record Outcome on commitments, inline and in the context menu, not in the palette', () => {
    const items = (pkg.contributes.menus['view/item/context'] as (MenuItem & { group: string })[]).filter((m) => m.command === CommandId.CarryForward);
    const record = (pkg.contributes.menus['view/item/context'] as (MenuItem & { group: string })[]).filter((m) => m.command === CommandId.RecordOutcome);
    assert.deepStrictEqual(items.map((m) => m.when), record.map((m) => m.when));
    assert.ok(items.some((m) => m.group.startsWith('inline')) && items.some((m) => m.group.startsWith('1_outcome')));
    assert.ok((pkg.contributes.menus.commandPalette as MenuItem[]).some((m) => m.command === CommandId.CarryForward && m.when === 'false'));
  });

  it('the view container icon ships in the package', () => {
    const icon = pkg.contributes.viewsContainers.activitybar[0].icon as string;
    assert.ok(fs.existsSync(path.join(repoRoot, icon)), icon);
    const ignore = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8');
    assert.ok(ignore.includes('!media/**'));
  });

  it('is honest about restricted mode: every command that writes needs a trusted workspace, the rest do not', () => {
    const enablement = new Map(commands.map((c) => [c.command, (c as { enablement?: string }).enablement]));
    assert.deepStrictEqual(ids.filter((id) => enablement.get(id) === 'isWorkspaceTrusted').sort(), [...WRITING_COMMANDS].sort());
    assert.deepStrictEqual(ids.filter((id) => !WRITING_COMMANDS.has(id) && enablement.get(id) !== undefined), [], 'read-only commands stay enabled');
    for (const read of [CommandId.OpenValuesMap, CommandId.OpenCommitment, CommandId.Refresh, CommandId.GroupCommitmentsBy]) {
      assert.ok(!WRITING_COMMANDS.has(read), read);
    }
    const untrusted = pkg.capabilities.untrustedWorkspaces;
    assert.strictEqual(untrusted.supported, 'limited');
    assert.deepStrictEqual(untrusted.restrictedConfigurations, ['coaching.sessionTemplate', 'coaching.autoCommit']);
    for (const key of untrusted.restrictedConfigurations) {
      assert.ok(pkg.contributes.configuration.properties[key], `${key} is a setting`);
    }
    assert.strictEqual(pkg.capabilities.virtualWorkspaces, true);
    // The welcome views offer writing commands only in a trusted workspace.
    for (const w of pkg.contributes.viewsWelcome as { view: string; when: string; contents: string }[]) {
      const writing = [...WRITING_COMMANDS].filter((id) => w.contents.includes(`(command:${id})`));
      if (writing.length > 0 && w.when.includes('coaching.journalState')) {
        assert.ok(w.view !== 'coaching.commitments' || w.when.includes('&& isWorkspaceTrusted'), `${w.when}: ${writing.join(', ')}`);
      }
    }
  });
});
