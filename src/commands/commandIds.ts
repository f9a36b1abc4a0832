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

/** Context keys the extension sets (used in package.json `when` clauses). */
export enum ContextKey {
  /** `loading` | `none` | `ready` — whether a journal with notes exists in the workspace. */
  JournalState = 'coaching.journalState',
  HasJournal = 'coaching.hasJournal',
}
