import type { InputOptions, PickOption, Prompter } from '../../platform/prompter';

/** One step of a flow: asks one question, records the answer, returns the next step (undefined: done). */
export type Step = (flow: Flow) => Promise<Step | undefined>;

class BackSignal {}
class CancelSignal {}

/**
 * Runs a multi-step flow over a Prompter: a step counter in every title ("Start Session (2/5)"), Back
 * returns to the previous step (its answer pre-filled from the flow's state), Escape cancels the whole
 * flow. Steps keep their answers in state the caller owns, so nothing is written until `run` resolves.
 */
export class Flow {
  private depth = 0;
  private asked = 0;

  /** `totalSteps` estimates the number of steps from the answers so far (it may grow as they come). */
  constructor(readonly prompter: Prompter, private readonly title: string, private readonly totalSteps: (step: number) => number) {}

  /** Runs the flow from `start`; false when it was cancelled. */
  async run(start: Step): Promise<boolean> {
    const history: Step[] = [];
    let step: Step | undefined = start;
    while (step) {
      this.depth = history.length + 1;
      try {
        const before = this.asked;
        const next: Step | undefined = await step(this);
        // A step that asked nothing (it only decided where to go) is not a place Back returns to.
        if (this.asked > before) {
          history.push(step);
        }
        step = next;
      } catch (e) {
        if (e instanceof CancelSignal) {
          return false;
        }
        if (e instanceof BackSignal) {
          step = history.pop() ?? step;
          continue;
        }
        throw e;
      }
    }
    return true;
  }

  private info(): { title: string; step: number; totalSteps: number; canGoBack: boolean } {
    this.asked++;
    return { title: this.title, step: this.depth, totalSteps: Math.max(this.depth, this.totalSteps(this.depth)), canGoBack: this.depth > 1 };
  }

  async pick<T>(placeholder: string, items: PickOption<T>[]): Promise<T> {
    return unwrap(await this.prompter.pick({ ...this.info(), placeholder, items }));
  }

  async pickMany<T>(placeholder: string, items: PickOption<T>[]): Promise<T[]> {
    return unwrap(await this.prompter.pickMany({ ...this.info(), placeholder, items }));
  }

  async input(options: Omit<InputOptions, 'title' | 'step' | 'totalSteps' | 'canGoBack'>): Promise<string> {
    return unwrap(await this.prompter.input({ ...this.info(), ...options }));
  }
}

function unwrap<T>(answer: { value: T } | 'back' | undefined): T {
  if (answer === undefined) {
    throw new CancelSignal();
  }
  if (answer === 'back') {
    throw new BackSignal();
  }
  return answer.value;
}
