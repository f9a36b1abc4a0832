/**
 * The questions a command asks, behind one small interface: the real one shows VS Code's QuickPick and
 * InputBox (`VsCodePrompter`), the scripted one answers from a queue (`ScriptedPrompter`, for tests).
 * No `vscode` import here, so the scripted prompter and the flows' pure logic run anywhere.
 */

/** A prompt's answer: the value, `'back'` (the Back button), or undefined (Escape: the flow is cancelled). */
export type Answer<T> = { value: T } | 'back' | undefined;

/** Where a prompt stands in its flow: shown as "Title (step/totalSteps)", with a Back button after step 1. */
export interface StepInfo {
  title: string;
  step?: number;
  totalSteps?: number;
  canGoBack?: boolean;
}

export interface PickOption<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  /** Pre-selected (multi-select) or the active item (single select). */
  picked?: boolean;
}

export interface PickOptions<T> extends StepInfo {
  placeholder: string;
  items: PickOption<T>[];
}

export interface InputOptions extends StepInfo {
  /** The question, shown under the box. */
  prompt: string;
  placeholder?: string;
  /** The default answer, pre-filled. */
  value?: string;
  /** A message saying what is wrong with an answer, or undefined when it is fine. */
  validate?: (value: string) => string | undefined;
}

export interface Prompter {
  pick<T>(options: PickOptions<T>): Promise<Answer<T>>;
  pickMany<T>(options: PickOptions<T>): Promise<Answer<T[]>>;
  input(options: InputOptions): Promise<Answer<string>>;
  /** Tells the person what happened. */
  info(message: string): void;
  /** Tells the person what went wrong and what to do. */
  error(message: string): void;
}

/** The title VS Code shows for a step: "Start Session (2/5)". */
export function stepTitle(s: StepInfo): string {
  return s.step !== undefined && s.totalSteps !== undefined ? `${s.title} (${s.step}/${s.totalSteps})` : s.title;
}
