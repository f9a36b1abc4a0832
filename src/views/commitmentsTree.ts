import * as vscode from 'vscode';
import { isolateBidi } from '../platform/plainText';
import {
  commitmentCounts, describeCommitment, dueLabel, groupCommitments, isOverdue, GROUP_BYS, type Commitment, type CommitmentGroup,
  type GroupBy, type JournalSnapshot,
} from '../core';
import { CommandId } from '../commands/commandIds';
import { Disposable } from '../platform/disposable';
import type { CommitmentRef, FolderJournal, JournalService } from '../platform/journalService';
import { descriptionMarkdown } from './markdown';

export const COMMITMENTS_VIEW_ID = 'coaching.commitments';
const GROUP_BY_STATE_KEY = 'coaching.commitments.groupBy';

export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  focus: 'by focus area',
  value: 'by value',
  due: 'by due date',
  session: 'by session',
};

/** A node of the Commitments view. */
export type CommitmentsNode =
  | { kind: 'folder'; id: string; journal: FolderJournal }
  | { kind: 'group'; id: string; journal: FolderJournal; group: CommitmentGroup }
  | { kind: 'commitment'; id: string; journal: FolderJournal; commitment: Commitment; ref: CommitmentRef };

/** The commitment a node, a reference or a command argument names (tree menus pass the node). */
export function commitmentRefOf(arg: unknown): CommitmentRef | undefined {
  if (typeof arg !== 'object' || arg === null) {
    return undefined;
  }
  const o = arg as { kind?: unknown; ref?: unknown; folder?: unknown; id?: unknown };
  if (o.kind === 'commitment' && typeof o.ref === 'object') {
    return o.ref as CommitmentRef;
  }
  const file = (arg as { file?: unknown }).file;
  return typeof o.folder === 'string' && typeof o.id === 'string'
    ? { folder: o.folder, id: o.id, file: typeof file === 'string' ? file : undefined }
    : undefined;
}

/**
 * The Commitments view: open commitments grouped by focus area (or value, due date, session), overdue
 * first with a warning icon, a badge with the overdue count. Listens to the journal service and owns
 * its TreeView. In a multi-root workspace with more than one journal, each journal is a top-level node.
 */
export class CommitmentsTreeProvider extends Disposable implements vscode.TreeDataProvider<CommitmentsNode> {
  private readonly changed = this._register(new vscode.EventEmitter<CommitmentsNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<CommitmentsNode>;
  private groupByValue: GroupBy;

  constructor(private readonly journals: JournalService, private readonly state: vscode.Memento) {
    super();
    const saved = state.get<string>(GROUP_BY_STATE_KEY);
    this.groupByValue = (GROUP_BYS as readonly string[]).includes(saved ?? '') ? (saved as GroupBy) : 'focus';
    this.view = this._register(vscode.window.createTreeView(COMMITMENTS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true }));
    this._register(journals.onDidChange(() => this.refresh()));
    this.updateChrome();
  }

  get groupBy(): GroupBy {
    return this.groupByValue;
  }

  /** Switches the grouping and remembers it for this workspace. */
  async setGroupBy(by: GroupBy): Promise<void> {
    this.groupByValue = by;
    await this.state.update(GROUP_BY_STATE_KEY, by);
    this.refresh();
  }

  refresh(): void {
    this.updateChrome();
    this.changed.fire(undefined);
  }

  private updateChrome(): void {
    const today = this.journals.today();
    let overdue = 0;
    for (const j of this.journals.journalsWithNotes()) {
      overdue += commitmentCounts(j.index.snapshot(), today).overdue;
    }
    this.view.badge = overdue > 0 ? { value: overdue, tooltip: overdue === 1 ? '1 overdue commitment' : `${overdue} overdue commitments` } : undefined;
    this.view.description = this.journals.state === 'ready' ? GROUP_BY_LABELS[this.groupByValue] : undefined;
  }

  async getChildren(node?: CommitmentsNode): Promise<CommitmentsNode[]> {
    if (!node) {
      await this.journals.ready;
      const journals = this.journals.journalsWithNotes();
      if (journals.length > 1) {
        return journals.map((journal) => ({ kind: 'folder', id: `${journal.key}|folder`, journal }));
      }
      return journals.length === 1 ? this.groupsOf(journals[0]) : [];
    }
    switch (node.kind) {
      case 'folder':
        return this.groupsOf(node.journal);
      case 'group':
        return node.group.commitments.map((commitment) => ({
          kind: 'commitment',
          // The file keeps ids unique when two notes give a commitment the same id (reported as a problem).
          id: `${node.id}|${commitment.id}|${commitment.loc.file}`,
          journal: node.journal,
          commitment,
          ref: { folder: node.journal.key, id: commitment.id, file: commitment.loc.file },
        }));
      case 'commitment':
        return [];
    }
  }

  private groupsOf(journal: FolderJournal): CommitmentsNode[] {
    const by = this.groupByValue;
    return groupCommitments(journal.index.snapshot(), by, this.journals.today()).map((group) => ({
      kind: 'group', id: `${journal.key}|${by}|${group.key}`, journal, group,
    }));
  }

  getTreeItem(node: CommitmentsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.journal.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = 'journal';
        return item;
      }
      case 'group':
        return this.groupItem(node);
      case 'commitment':
        return this.commitmentItem(node);
    }
  }

  private groupItem(node: Extract<CommitmentsNode, { kind: 'group' }>): vscode.TreeItem {
    const { group } = node;
    const item = new vscode.TreeItem(isolateBidi(group.label), vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    const open = group.commitments.length;
    item.description = `${open} open${group.overdue > 0 ? ` · ${group.overdue} overdue` : ''}`;
    item.contextValue = `group.${this.groupByValue}`;
    item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[this.groupByValue]);
    return item;
  }

  private commitmentItem(node: Extract<CommitmentsNode, { kind: 'commitment' }>): vscode.TreeItem {
    const { commitment: c, journal } = node;
    const today = this.journals.today();
    const snap = journal.index.snapshot();
    const overdue = isOverdue(c, today);
    const item = new vscode.TreeItem(isolateBidi(c.text || c.id), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = dueLabel(c, today) ?? 'no due date';
    item.iconPath = overdue
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('circle-large-outline');
    item.contextValue = overdue ? 'commitment.overdue' : 'commitment.open';
    item.tooltip = commitmentTooltip(c, snap, today);
    item.command = { command: CommandId.OpenCommitment, title: 'Open Commitment', arguments: [node.ref] };
    item.accessibilityInformation = { label: `${c.text}, ${item.description}` };
    return item;
  }

  getParent(node: CommitmentsNode): CommitmentsNode | undefined {
    if (node.kind === 'folder') {
      return undefined;
    }
    const multi = this.journals.journalsWithNotes().length > 1;
    const folder: CommitmentsNode | undefined = multi ? { kind: 'folder', id: `${node.journal.key}|folder`, journal: node.journal } : undefined;
    if (node.kind === 'group') {
      return folder;
    }
    const groupId = node.id.slice(0, node.id.length - `|${node.commitment.id}|${node.commitment.loc.file}`.length);
    const group = this.groupsOf(node.journal).find((g) => g.id === groupId);
    return group ?? folder;
  }
}

const GROUP_ICONS: Record<GroupBy, string> = {
  focus: 'target',
  value: 'heart',
  due: 'calendar',
  session: 'notebook',
};

/** The hover of a commitment: its text, status, success, values, focus area and dates. Note text is escaped. */
export function commitmentTooltip(c: Commitment, snap: JournalSnapshot, today: string): vscode.MarkdownString {
  return descriptionMarkdown(describeCommitment(c, snap, today));
}
