import { stepTitle, type Answer, type InputOptions, type PickOptions, type Prompter } from './prompter';

/**
 * One scripted answer: a label to pick (or a list of labels for a multi-select), text to type, or one of
 * the special answers `<escape>`, `<back>` and `<default>` (accept what is pre-filled or pre-selected).
 * A function is not an answer: it runs when the question after it is asked, before that question is
 * answered (a test changes the world mid-flow, e.g. deletes a note), and uses up no question.
 */
export type ScriptedAnswer = string | string[] | (() => void);

export const ESCAPE = '<escape>';
export const BACK = '<back>';
export const DEFAULT = '<default>';

/** What a scripted prompter was asked, for tests to check wording and step counters. */
export interface AskedPrompt {
  kind: 'pick' | 'pickMany' | 'input';
  /** The title as VS Code shows it, step counter included. */
  title: string;
  /** The placeholder (picks) or the prompt (inputs). */
  text: string;
  /** The labels offered (picks), with the pre-selected ones. */
  items?: string[];
  picked?: string[];
  /** The pre-filled value (inputs). */
  value?: string;
  canGoBack: boolean;
  /** Validation messages shown for rejected answers (inputs). */
  validation: string[];
}

/**
 * A Prompter that answers from a queue, as a person would: an invalid input is rejected with its
 * validation message (recorded) and the next answer is typed instead. Running out of answers is an error
 * in the test, not a cancel.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: AskedPrompt[] = [];
  readonly messages: { level: 'info' | 'error'; text: string }[] = [];
  private readonly answers: ScriptedAnswer[];

  constructor(answers: ScriptedAnswer[]) {
    this.answers = [...answers];
  }

  /** Answers not used yet. */
  get remaining(): readonly ScriptedAnswer[] {
    return this.answers;
  }

  async pick<T>(options: PickOptions<T>): Promise<Answer<T>> {
    const asked = this.record('pick', options, options.placeholder);
    const answer = this.next(asked);
    if (answer === ESCAPE) {
      return undefined;
    }
    if (answer === BACK) {
      return 'back';
    }
    if (answer === DEFAULT) {
      const item = options.items.find((i) => i.picked) ?? options.items[0];
      return { value: item.value };
    }
    return { value: this.find(options, String(answer)).value };
  }

  async pickMany<T>(options: PickOptions<T>): Promise<Answer<T[]>> {
    const asked = this.record('pickMany', options, options.placeholder);
    const answer = this.next(asked);
    if (answer === ESCAPE) {
      return undefined;
    }
    if (answer === BACK) {
      return 'back';
    }
    if (answer === DEFAULT) {
      return { value: options.items.filter((i) => i.picked).map((i) => i.value) };
    }
    const labels = Array.isArray(answer) ? answer : [answer];
    return { value: labels.map((l) => this.find(options, l).value) };
  }

  async input(options: InputOptions): Promise<Answer<string>> {
    const asked = this.record('input', options, options.prompt);
    asked.value = options.value;
    for (;;) {
      const answer = this.next(asked);
      if (answer === ESCAPE) {
        return undefined;
      }
      if (answer === BACK) {
        return 'back';
      }
      const text = answer === DEFAULT ? options.value ?? '' : String(answer);
      const problem = options.validate?.(text);
      if (problem) {
        asked.validation.push(problem);
        continue;
      }
      return { value: text };
    }
  }

  info(message: string): void {
    this.messages.push({ level: 'info', text: message });
  }

  error(message: string): void {
    this.messages.push({ level: 'error', text: message });
  }

  private record(kind: AskedPrompt['kind'], options: PickOptions<unknown> | InputOptions, text: string): AskedPrompt {
    const items = 'items' in options ? options.items : undefined;
    const asked: AskedPrompt = {
      kind,
      title: stepTitle(options),
      text,
      items: items?.map((i) => i.label),
      picked: items?.filter((i) => i.picked).map((i) => i.label),
      canGoBack: options.canGoBack ?? false,
      validation: [],
    };
    this.asked.push(asked);
    return asked;
  }

  private next(asked: AskedPrompt): string | string[] {
    let answer = this.answers.shift();
    while (typeof answer === 'function') {
      answer();
      answer = this.answers.shift();
    }
    if (answer === undefined) {
      throw new Error(`ScriptedPrompter: no answer left for "${asked.title}: ${asked.text}"`);
    }
    return answer;
  }

  private find<T>(options: PickOptions<T>, label: string): PickOptions<T>['items'][number] {
    const item = options.items.find((i) => i.label === label);
    if (!item) {
      throw new Error(`ScriptedPrompter: "${label}" is not offered in "${stepTitle(options)}" (${options.items.map((i) => i.label).join(' | ')})`);
    }
    return item;
  }
}
