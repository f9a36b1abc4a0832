import * as vscode from 'vscode';
import { DEFAULT_MAP_FILTERS, exportFileName, gapCounts, mapToMermaid, mermaidDocument, type MapFilters, type ValuesMap } from '../core';
import { Disposable } from '../platform/disposable';
import type { FolderJournal, JournalService } from '../platform/journalService';
import type { Logger } from '../platform/logger';
import type { MapRenderMessage, MapViewState, MapWebviewMessage } from '../shared/mapProtocol';
import { buildMapHtml, makeNonce } from './mapHtml';
import { parseMapWebviewMessage } from './mapMessageGuard';
import { restrictedModeMessage } from '../commands/commandIds';
import { plainMessage } from '../platform/plainText';
import { mapRenderMessage } from './mapRender';

/** Quiet time after a journal change before the map is redrawn (a burst of edits is one redraw). */
const REDRAW_DEBOUNCE_MS = 250;

/**
 * The values-to-actions map panel. The webview draws; this side builds the map and its layout from the
 * journal (the core does the work), answers the webview's messages, and redraws when notes change. One
 * panel at a time: opening the map again reveals it.
 */
export class ValuesMapPanel extends Disposable {
  static readonly viewType = 'coaching.valuesMap';
  private static current: ValuesMapPanel | undefined;

  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: { journal: FolderJournal; map: ValuesMap; filters: MapFilters } | undefined;
  private lastRender: MapRenderMessage | undefined;

  /** Opens the map, or reveals it when it is open. */
  static show(extensionUri: vscode.Uri, journals: JournalService, log: Logger): ValuesMapPanel {
    if (ValuesMapPanel.current) {
      ValuesMapPanel.current.panel.reveal();
      return ValuesMapPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(ValuesMapPanel.viewType, 'Values Map', vscode.ViewColumn.Active, webviewOptions(extensionUri));
    const journal = journals.locate(vscode.window.activeTextEditor?.document.uri ?? vscode.Uri.parse('untitled:none'))?.journal;
    return new ValuesMapPanel(panel, extensionUri, journals, log, { ...DEFAULT_MAP_FILTERS }, journal?.key);
  }

  /** Takes over a panel restored after a window reload, with the state its webview saved. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, journals: JournalService, log: Logger, state: MapViewState | undefined): ValuesMapPanel {
    ValuesMapPanel.current?.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    return new ValuesMapPanel(panel, extensionUri, journals, log, state?.filters ?? { ...DEFAULT_MAP_FILTERS }, state?.journal);
  }

  /** The open panel, if any (for tests and commands). */
  static get currentPanel(): ValuesMapPanel | undefined {
    return ValuesMapPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly journals: JournalService,
    private readonly log: Logger,
    private filters: MapFilters,
    private journalKey: string | undefined,
  ) {
    super();
    ValuesMapPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'map', 'icon.svg');
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)));
    this._register(journals.onDidChange(() => this.scheduleRender()));
    this._register({ dispose: () => clearTimeout(this.timer) });
    panel.webview.html = this.html();
  }

  override dispose(): void {
    if (ValuesMapPanel.current === this) {
      ValuesMapPanel.current = undefined;
    }
    super.dispose();
    this.panel.dispose();
  }

  /** The last `render` message posted to the webview (what it shows; for tests). */
  get currentRender(): MapRenderMessage | undefined {
    return this.lastRender;
  }

  private html(): string {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'map');
    const webview = this.panel.webview;
    return buildMapHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'map.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'map.css')).toString(),
    });
  }

  private onMessage(raw: unknown): void {
    const message = parseMapWebviewMessage(raw);
    if (!message) {
      this.log.warn(`Values map: dropped a malformed message from the webview (${describe(raw)}).`);
      return;
    }
    void this.handle(message).catch((e: unknown) => {
      this.log.error(e instanceof Error ? e : String(e));
      void vscode.window.showErrorMessage(plainMessage(`The values map could not do that: ${e instanceof Error ? e.message : String(e)}`));
    });
  }

  private async handle(message: MapWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.render();
        return;
      case 'filtersChanged':
        this.filters = message.filters;
        await this.render();
        return;
      case 'open':
        await this.openNode(message.key);
        return;
      case 'exportMermaid':
        await this.exportMermaid();
        return;
      case 'exportSvg':
        await this.exportSvg(message.svg);
        return;
    }
  }

  private scheduleRender(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), REDRAW_DEBOUNCE_MS);
  }

  private pickJournal(): FolderJournal | undefined {
    const withNotes = this.journals.journalsWithNotes();
    return withNotes.find((j) => j.key === this.journalKey) ?? withNotes[0] ?? this.journals.journals[0];
  }

  /** Builds the map and posts it (only once the webview is ready; later changes post again). */
  async render(): Promise<void> {
    await this.journals.ready;
    if (!this.ready || this.isDisposed) {
      return;
    }
    const journal = this.pickJournal();
    const today = this.journals.today();
    const message = mapRenderMessage({
      snapshot: journal?.index.snapshot(),
      filters: this.filters,
      today,
      cadenceDays: journal?.config.sessionCadenceDays ?? 7,
      hasNotes: !!journal?.hasNotes,
      journal: journal?.key,
      notice: journal?.hasNotes ? undefined : `No coaching journal yet: notes go in the "${journal?.config.folder ?? 'coaching'}" folder of the workspace.`,
    });
    const { map, filters } = message;
    if (journal) {
      this.shown = { journal, map, filters };
      this.journalKey = journal.key;
    }
    this.lastRender = message;
    await this.panel.webview.postMessage(message);
  }

  /** Opens the note of a node at its line, beside the map. */
  async openNode(key: string): Promise<vscode.TextEditor | undefined> {
    const node = this.shown?.map.nodes.find((n) => n.key === key);
    if (!this.shown || !node?.file) {
      return undefined;
    }
    const line = node.line ?? 0;
    const position = new vscode.Position(line, 0);
    return vscode.window.showTextDocument(this.shown.journal.store.uri(node.file), {
      selection: new vscode.Range(position, position),
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
    });
  }

  /** Writes `content` into a new file of the journal folder (never overwriting) and returns its URI. */
  private async writeNewFile(ext: 'md' | 'svg', content: string): Promise<vscode.Uri | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(restrictedModeMessage('Exporting the values map'));
      return undefined;
    }
    const journal = this.shown?.journal ?? this.pickJournal();
    if (!journal) {
      void vscode.window.showWarningMessage('There is no coaching journal to export into: open a workspace folder first.');
      return undefined;
    }
    const names = new Set<string>();
    try {
      for (const [name] of await vscode.workspace.fs.readDirectory(journal.store.root)) {
        names.add(name);
      }
    } catch {
      // The journal folder does not exist yet: writeFile creates it.
    }
    let name = exportFileName(this.journals.today(), ext, (n) => names.has(n));
    let uri = journal.store.uri(name);
    // Checked again just before writing: a file created meanwhile is never overwritten.
    while (await exists(uri)) {
      names.add(name);
      name = exportFileName(this.journals.today(), ext, (n) => names.has(n));
      uri = journal.store.uri(name);
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    this.log.info(`Values map exported to ${uri.toString(true)}.`);
    return uri;
  }

  /** Writes the map shown as Mermaid into a new markdown file of the journal, and opens it. */
  async exportMermaid(): Promise<vscode.Uri | undefined> {
    if (!this.shown) {
      return undefined;
    }
    const { map, filters } = this.shown;
    const uri = await this.writeNewFile('md', mermaidDocument(mapToMermaid(map), this.journals.today(), filters, gapCounts(map)));
    if (uri) {
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }
    return uri;
  }

  /** Writes the SVG the webview drew into a new file of the journal, and opens it. */
  async exportSvg(svg: string): Promise<vscode.Uri | undefined> {
    const uri = await this.writeNewFile('svg', svg.trimEnd() + '\n');
    if (uri) {
      await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }
    return uri;
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function describe(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'type' in raw) {
    return `type ${JSON.stringify(String((raw as { type: unknown }).type)).slice(0, 60)}`;
  }
  return typeof raw;
}
