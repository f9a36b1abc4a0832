import * as vscode from 'vscode';
import { GROUP_BYS, type GroupBy } from '../core';
import { GROUP_BY_LABELS, type CommitmentsTreeProvider } from '../views/commitmentsTree';
import { CommandId } from './commandIds';
import type { Command } from './commandManager';

interface GroupByPick extends vscode.QuickPickItem {
  by: GroupBy;
}

/** Switches the Commitments view's grouping (remembered per workspace). Accepts the grouping as argument. */
export class GroupCommitmentsByCommand implements Command {
  readonly id = CommandId.GroupCommitmentsBy;

  constructor(private readonly tree: CommitmentsTreeProvider) {}

  async execute(arg?: unknown): Promise<void> {
    let by = (GROUP_BYS as readonly unknown[]).includes(arg) ? (arg as GroupBy) : undefined;
    if (!by) {
      const items: GroupByPick[] = GROUP_BYS.map((b) => ({
        label: `Group ${GROUP_BY_LABELS[b]}`,
        description: b === this.tree.groupBy ? 'current' : undefined,
        by: b,
      }));
      by = (await vscode.window.showQuickPick(items, { placeHolder: 'Group the open commitments…' }))?.by;
    }
    if (by) {
      await this.tree.setGroupBy(by);
    }
  }
}
