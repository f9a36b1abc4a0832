import * as vscode from 'vscode';
import { CommandManager } from './commands/commandManager';
import { CommitJournalCommand } from './commands/commitJournal';
import { ExportEvidenceCommand } from './commands/exportEvidence';
import { OpenValuesMapCommand } from './commands/openValuesMap';
import { GroupCommitmentsByCommand } from './commands/groupCommitmentsBy';
import { LetGoCommand } from './commands/letGo';
import { OpenCommitmentCommand } from './commands/openCommitment';
import { RecordOutcomeCommand } from './commands/recordOutcome';
import { RefreshCommand } from './commands/refresh';
import { registerCoachingCommands } from './commands/coachingCommands';
import type { CoachingDeps } from './commands/flow/context';
import { ConfigReader } from './platform/config';
import { JournalCache } from './platform/journalCache';
import { JournalService } from './platform/journalService';
import { OutputChannelLogger } from './platform/logger';
import type { Prompter } from './platform/prompter';
import { VsCodePrompter } from './platform/vscodePrompter';
import { CommitmentsTreeProvider } from './views/commitmentsTree';
import { JournalContextKeys } from './views/contextKeys';
import { JournalDiagnostics } from './views/diagnostics';
import { FocusAreasTreeProvider } from './views/focusAreasTree';
import { NoteEditorHelp } from './views/noteEditorHelp';
import { JournalStatusBar } from './views/statusBar';
import { Reminders } from './views/reminders';
import { registerValuesMap } from './webview';

declare const __cjLoadStart: number | undefined;
declare const __cjLoadEnd: number | undefined;
declare const __cjLoadCpu: NodeJS.CpuUsage | undefined;

/** When the extension's bundle started loading, and activate() started and returned (performance.now(), for the benchmark). */
export interface ActivationTimings {
  loadStart: number;
  loadEnd: number;
  activateStart: number;
  activateEnd: number;
  /** CPU time (user + system, the whole process) of evaluating the bundle and of activate(), in ms. */
  loadCpuMs: number;
  activateCpuMs: number;
}

/** What activate() returns: the live objects, for integration tests (not a public API). */
export interface CoachingExtensionApi {
  journal: JournalService;
  commitmentsTree: CommitmentsTreeProvider;
  focusAreasTree: FocusAreasTreeProvider;
  statusBar: JournalStatusBar;
  diagnostics: JournalDiagnostics;
  editorHelp: NoteEditorHelp;
  commitJournal: CommitJournalCommand;
  reminders: Reminders;
  /** The cache of parsed notes in the extension's storage (none without a workspace). */
  journalCache: JournalCache | undefined;
  timings: ActivationTimings;
  /** Replaces who answers the coaching commands' questions (a scripted prompter); undefined restores VS Code's. */
  setPrompterForTests(prompter: Prompter | undefined): void;
  /** Reads every journal again (after a test replaced the files) and resolves when done. */
  reloadJournalsForTests(): Promise<void>;
}

/**
 * Composition root: builds the objects and wires them. No I/O on this path; the journals are read
 * after activation returns.
 */
export function activate(context: vscode.ExtensionContext): CoachingExtensionApi {
  const activateStart = performance.now();
  const activateCpuStart = process.cpuUsage();
  const channel = vscode.window.createOutputChannel('Coaching Journal', { log: true });
  context.subscriptions.push(channel);
  const log = new OutputChannelLogger(channel);

  const config = new ConfigReader(log);
  // Parsed notes are kept in the extension's storage for this workspace (never in the journal).
  const cache = context.storageUri ? new JournalCache(context.storageUri, log) : undefined;
  const journal = new JournalService(config, log, { cache });
  const commitmentsTree = new CommitmentsTreeProvider(journal, context.workspaceState);
  const focusAreasTree = new FocusAreasTreeProvider(journal);
  const statusBar = new JournalStatusBar(journal);
  const diagnostics = new JournalDiagnostics(journal);
  const contextKeys = new JournalContextKeys(journal);
  const editorHelp = new NoteEditorHelp(journal, log);
  context.subscriptions.push(config, journal, commitmentsTree, focusAreasTree, statusBar, diagnostics, contextKeys, editorHelp);

  const commands = new CommandManager();
  context.subscriptions.push(commands);
  commands.register(new RecordOutcomeCommand(journal, log));
  commands.register(new LetGoCommand(journal, log));
  commands.register(new OpenCommitmentCommand(journal));
  commands.register(new RefreshCommand(journal));
  commands.register(new GroupCommitmentsByCommand(commitmentsTree));
  // The coaching commands' dependencies; `prompter` is VS Code's unless a test scripts the answers.
  const vsCodePrompter = new VsCodePrompter();
  let prompter: Prompter = vsCodePrompter;
  const deps: CoachingDeps = {
    journals: journal, config, log, prompter: () => prompter,
    afterSession: async (j) => {
      if (vscode.workspace.isTrusted && vscode.workspace.getConfiguration('coaching', j.folder).get<boolean>('autoCommit')) {
        await commitJournal.commit(j, false);
      }
    },
  };
  // Evidence, git and reminders (issue 7).
  commands.register(new ExportEvidenceCommand(deps));
  const commitJournal = commands.register(new CommitJournalCommand(deps));
  const reminders = new Reminders(journal, context.workspaceState);
  context.subscriptions.push(reminders);
  // The values-to-actions map (issue 6).
  commands.register(new OpenValuesMapCommand(context.extensionUri, journal, log));
  context.subscriptions.push(registerValuesMap(context, journal, log));

  // The coaching loop: Start Session and the journaling commands (issue 4).
  registerCoachingCommands(commands, deps);

  journal.start();
  const activateCpu = process.cpuUsage(activateCpuStart);
  const cpuMs = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1000;
  const timings: ActivationTimings = {
    loadStart: typeof __cjLoadStart === 'number' ? __cjLoadStart : activateStart,
    loadEnd: typeof __cjLoadEnd === 'number' ? __cjLoadEnd : activateStart,
    activateStart, activateEnd: performance.now(),
    loadCpuMs: typeof __cjLoadCpu === 'object' ? cpuMs(__cjLoadCpu) : 0,
    activateCpuMs: cpuMs(activateCpu),
  };
  log.info(`Coaching Journal activated in ${(timings.activateEnd - timings.loadStart).toFixed(1)} ms`);
  return {
    journal, commitmentsTree, focusAreasTree, statusBar, diagnostics, editorHelp, commitJournal, reminders, journalCache: cache, timings,
    setPrompterForTests: (p) => {
      prompter = p ?? vsCodePrompter;
    },
    reloadJournalsForTests: async () => {
      await journal.flush(); // events already received must not land after the reload
      await journal.reload();
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
