import { AddCommitmentCommand } from './addCommitment';
import { AddFocusAreaCommand } from './addFocusArea';
import { AddLearningCommand } from './addLearning';
import { AddValueCommand } from './addValue';
import { CarryForwardCommand } from './carryForward';
import type { CommandManager } from './commandManager';
import type { CoachingDeps } from './flow/context';
import { LogFeedbackCommand } from './logFeedback';
import { NewSessionNoteCommand } from './newSessionNote';
import { SetUpBigPictureCommand } from './setUpBigPicture';
import { StartSessionCommand } from './startSession';

/** Registers the coaching loop's commands: Start Session and every journaling command of the palette. */
export function registerCoachingCommands(manager: CommandManager, deps: CoachingDeps): void {
  manager.register(new StartSessionCommand(deps));
  manager.register(new NewSessionNoteCommand(deps));
  manager.register(new AddCommitmentCommand(deps));
  manager.register(new CarryForwardCommand(deps));
  manager.register(new AddLearningCommand(deps));
  manager.register(new LogFeedbackCommand(deps));
  manager.register(new SetUpBigPictureCommand(deps));
  manager.register(new AddValueCommand(deps));
  manager.register(new AddFocusAreaCommand(deps));
}
