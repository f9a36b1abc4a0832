import * as vscode from 'vscode';
import { isolateBidi } from '../platform/plainText';
import { computeStats, gapLabel, type FocusArea, type FollowThrough, type Value } from '../core';
import { Disposable } from '../platform/disposable';
import type { FolderJournal, JournalService } from '../platform/journalService';
import { NoteMarkdown } from './markdown';

export const FOCUS_AREAS_VIEW_ID = 'coaching.focusAreas';

export type FocusAreasNode =
  | { kind: 'folder'; id: string; journal: FolderJournal }
  | { kind: 'area'; id: string; journal: FolderJournal; area: FocusArea; followThrough: FollowThrough | undefined }
  | { kind: 'detail'; id: string; journal: FolderJournal; area: FocusArea; label: string; text: string; icon: string }
  | { kind: 'value'; id: string; journal: FolderJournal; valueId: string; value: Value | undefined };

/** Active areas first, then paused, achieved, retired. */
const STATUS_ORDER = { active: 0, paused: 1, achieved: 2, retired: 3 } as const;

/**
 * The Focus areas view: each area with its follow-through (done of made), open commitments and gap
 * levels; its success measure, measure, gap and values as children. Clicking opens the note.
 */
export class FocusAreasTreeProvider extends Disposable implements vscode.TreeDataProvider<FocusAreasNode> {
  private readonly changed = this._register(new vscode.EventEmitter<FocusAreasNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<FocusAreasNode>;

  constructor(private readonly journals: JournalService) {
    super();
    this.view = this._register(vscode.window.createTreeView(FOCUS_AREAS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true }));
    this._register(journals.onDidChange(() => this.changed.fire(undefined)));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: FocusAreasNode): Promise<FocusAreasNode[]> {
    if (!node) {
      await this.journals.ready;
      const journals = this.journals.journalsWithNotes();
      if (journals.length > 1) {
        return journals.map((journal) => ({ kind: 'folder', id: `${journal.key}|folder`, journal }));
      }
      return journals.length === 1 ? this.areasOf(journals[0]) : [];
    }
    switch (node.kind) {
      case 'folder':
        return this.areasOf(node.journal);
      case 'area':
        return this.detailsOf(node);
      default:
        return [];
    }
  }

  private areasOf(journal: FolderJournal): FocusAreasNode[] {
    const snap = journal.index.snapshot();
    const stats = computeStats(snap, this.journals.today(), journal.config.sessionCadenceDays);
    const byId = new Map(stats.byFocusArea.map((f) => [f.id, f]));
    // A duplicated focus-area id is reported as a problem; the view shows the one the journal uses.
    return [...snap.focusById.values()]
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
      .map((area) => ({ kind: 'area', id: `${journal.key}|area|${area.id}`, journal, area, followThrough: byId.get(area.id) }));
  }

  private detailsOf(node: Extract<FocusAreasNode, { kind: 'area' }>): FocusAreasNode[] {
    const { area, journal } = node;
    const out: FocusAreasNode[] = [];
    const detail = (key: string, label: string, text: string | undefined, icon: string): void => {
      if (text) {
        out.push({ kind: 'detail', id: `${node.id}|${key}`, journal, area, label, text, icon });
      }
    };
    detail('success', 'Success', area.success, 'star-empty');
    detail('measure', 'Measure', area.measure, 'graph');
    detail('gap', 'Gap', gapLabel(area.gap), 'arrow-up');
    detail('role-models', 'Role models', area.role_models.join(', '), 'person');
    const snap = journal.index.snapshot();
    for (const valueId of area.values) {
      out.push({ kind: 'value', id: `${node.id}|value|${valueId}`, journal, valueId, value: snap.valueById.get(valueId) });
    }
    return out;
  }

  getTreeItem(node: FocusAreasNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.journal.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = vscode.ThemeIcon.Folder;
        return item;
      }
      case 'area':
        return this.areaItem(node);
      case 'detail': {
        const item = new vscode.TreeItem(`${node.label}: ${isolateBidi(node.text)}`, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = new NoteMarkdown().markdown(`${node.label}: `).note(node.text).md;
        item.contextValue = 'focusArea.detail';
        item.command = openAt(node.journal.store.uri(node.area.loc.file), node.area.loc.line);
        return item;
      }
      case 'value': {
        const item = new vscode.TreeItem(isolateBidi(node.value?.name ?? node.valueId), vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = node.value ? undefined : 'not in the big picture';
        item.iconPath = new vscode.ThemeIcon('heart');
        item.contextValue = 'value';
        if (node.value) {
          const hover = new NoteMarkdown().markdown('**').note(node.value.name).markdown('**');
          if (node.value.why) {
            hover.markdown('\n\n').note(node.value.why);
          }
          item.tooltip = hover.md;
          item.command = openAt(node.journal.store.uri(node.value.loc.file), node.value.loc.line);
        }
        return item;
      }
    }
  }

  private areaItem(node: Extract<FocusAreasNode, { kind: 'area' }>): vscode.TreeItem {
    const { area, followThrough: f } = node;
    const item = new vscode.TreeItem(isolateBidi(area.title || area.id), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    const parts: string[] = [];
    if (area.status !== 'active') {
      parts.push(area.status);
    }
    parts.push(`${f?.open ?? 0} open`);
    parts.push(`${f?.done ?? 0}/${f?.made ?? 0} done`);
    if (area.gap?.current !== undefined || area.gap?.target !== undefined) {
      parts.push(`level ${area.gap.current ?? '?'} → ${area.gap.target ?? '?'}`);
    }
    item.description = parts.join(' · ');
    item.iconPath = new vscode.ThemeIcon(area.status === 'active' ? 'target' : area.status === 'achieved' ? 'pass' : 'circle-slash');
    item.contextValue = `focusArea.${area.status}`;
    const hover = new NoteMarkdown().markdown('**').note(area.title || area.id).markdown(`** (${area.status})\n\n`);
    if (area.success) {
      hover.markdown('Success: ').note(area.success).markdown('  \n');
    }
    if (area.measure) {
      hover.markdown('Measure: ').note(area.measure).markdown('  \n');
    }
    hover.markdown(`Follow-through: ${f?.done ?? 0} done, ${f?.partly ?? 0} partly, of ${f?.made ?? 0} made; ${f?.open ?? 0} open`);
    item.tooltip = hover.md;
    item.command = openAt(node.journal.store.uri(area.loc.file), 0);
    return item;
  }

  getParent(node: FocusAreasNode): FocusAreasNode | undefined {
    if (node.kind === 'folder') {
      return undefined;
    }
    const folder: FocusAreasNode | undefined = this.journals.journalsWithNotes().length > 1
      ? { kind: 'folder', id: `${node.journal.key}|folder`, journal: node.journal } : undefined;
    if (node.kind === 'area') {
      return folder;
    }
    return this.areasOf(node.journal).find((a) => a.kind === 'area' && node.id.startsWith(a.id + '|')) ?? folder;
  }
}

function openAt(uri: vscode.Uri, line: number): vscode.Command {
  const position = new vscode.Position(line, 0);
  return {
    command: 'vscode.open',
    title: 'Open',
    arguments: [uri, { selection: new vscode.Range(position, position), preview: true } satisfies vscode.TextDocumentShowOptions],
  };
}
