/** Every command id the extension contributes or refers to (package.json `contributes.commands`). */
export enum CommandId {
  ExportEvidence = 'coaching.exportEvidence',
  CommitJournal = 'coaching.commitJournal',
  OpenValuesMap = 'coaching.openValuesMap',
  RecordOutcome = 'coaching.recordOutcome',
  LetGo = 'coaching.letGo',
  /** Closes a commitment as not done / partly and makes a follow-up linked to it (issue 5). */
  CarryForward = 'coaching.carryForward',
  OpenCommitment = 'coaching.openCommitment',
  Refresh = 'coaching.refresh',
  GroupCommitmentsBy = 'coaching.groupCommitmentsBy',
  /** The coaching loop; the status bar and welcome view point at it. */
  StartSession = 'coaching.startSession',
  /** The welcome view points at it. */
  SetUpBigPicture = 'coaching.setUpBigPicture',
  // The coaching loop (issue 4): Start Session and Set Up Big Picture above, and these.
  NewSessionNote = 'coaching.newSessionNote',
  AddCommitment = 'coaching.addCommitment',
  AddLearning = 'coaching.addLearning',
  LogFeedback = 'coaching.logFeedback',
  AddValue = 'coaching.addValue',
  AddFocusArea = 'coaching.addFocusArea',
  // Quick fixes in notes (not contributed: they run from a problem's light bulb, with the id as argument).
  /** Creates focus-areas/<id>.md for an id a note refers to. */
  CreateFocusAreaFor = 'coaching.createFocusAreaFor',
  /** Adds a value a note refers to to the big picture. */
  AddValueFor = 'coaching.addValueFor',
}

/**
 * The commands that write to the journal (or run git). In a restricted (untrusted) workspace they are
 * disabled in package.json (`enablement: isWorkspaceTrusted`) and, run anyway (a link, another
 * extension), they explain why and write nothing. A unit test keeps this list and package.json in step.
 */
export const WRITING_COMMANDS: ReadonlySet<string> = new Set<string>([
  CommandId.ExportEvidence, CommandId.CommitJournal, CommandId.RecordOutcome, CommandId.LetGo, CommandId.CarryForward,
  CommandId.StartSession, CommandId.SetUpBigPicture, CommandId.NewSessionNote, CommandId.AddCommitment, CommandId.AddLearning,
  CommandId.LogFeedback, CommandId.AddValue, CommandId.AddFocusArea,
]);

/** What a restricted workspace says when something would write (a command, a map export). */
export function restrictedModeMessage(what: string): string {
  return `${what} changes files, and this workspace is in restricted mode: Coaching Journal only reads notes here. Trust the workspace to write (Manage Workspace Trust).`;
}

/** Context keys the extension sets (used in package.json `when` clauses). */
export enum ContextKey {
  /** `loading` | `none` | `ready` — whether a journal with notes exists in the workspace. */
  JournalState = 'coaching.journalState',
  HasJournal = 'coaching.hasJournal',
}
