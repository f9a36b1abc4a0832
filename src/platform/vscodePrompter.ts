import * as vscode from 'vscode';
import type { Answer, InputOptions, PickOption, PickOptions, Prompter, StepInfo } from './prompter';
import { plainMessage, plainPickText, plainPrompt } from './plainText';

type Item<T> = vscode.QuickPickItem & { option: PickOption<T> };

function applyStep(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, s: StepInfo): void {
  input.title = s.title;
  input.step = s.step;
  input.totalSteps = s.totalSteps;
  input.buttons = s.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  // A long flow should not vanish when the person clicks into the editor to look something up.
  input.ignoreFocusOut = true;
}

/** The Prompter people see: VS Code's QuickPick and InputBox, with a step counter and a Back button. */
export class VsCodePrompter implements Prompter {
  pick<T>(options: PickOptions<T>): Promise<Answer<T>> {
    return this.show(options, false).then((a) => (a === undefined || a === 'back' ? a : { value: a.value[0] }));
  }

  pickMany<T>(options: PickOptions<T>): Promise<Answer<T[]>> {
    return this.show(options, true);
  }

  input(options: InputOptions): Promise<Answer<string>> {
    return new Promise((resolve) => {
      const box = vscode.window.createInputBox();
      applyStep(box, options);
      box.prompt = options.prompt === undefined ? undefined : plainPrompt(options.prompt);
      box.placeholder = options.placeholder;
      box.value = options.value ?? '';
      let done = false;
      const finish = (answer: Answer<string>): void => {
        if (!done) {
          done = true;
          resolve(answer);
          box.dispose();
        }
      };
      box.onDidChangeValue((v) => {
        const problem = options.validate?.(v);
        box.validationMessage = problem === undefined ? undefined : plainPrompt(problem);
      });
      box.onDidAccept(() => {
        const problem = options.validate?.(box.value);
        if (problem) {
          box.validationMessage = plainPrompt(problem);
          return;
        }
        finish({ value: box.value });
      });
      box.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) {
          finish('back');
        }
      });
      box.onDidHide(() => finish(undefined));
      box.show();
    });
  }

  info(message: string): void {
    void vscode.window.showInformationMessage(plainMessage(message));
  }

  error(message: string): void {
    void vscode.window.showErrorMessage(plainMessage(message));
  }

  private show<T>(options: PickOptions<T>, many: boolean): Promise<Answer<T[]>> {
    return new Promise((resolve) => {
      const pick = vscode.window.createQuickPick<Item<T>>();
      applyStep(pick, options);
      pick.placeholder = options.placeholder;
      pick.canSelectMany = many;
      pick.matchOnDescription = true;
      const text = (s: string | undefined): string | undefined => (s === undefined ? undefined : plainPickText(s));
      const items: Item<T>[] = options.items.map((o) => ({ label: plainPickText(o.label), description: text(o.description), detail: text(o.detail), option: o }));
      pick.items = items;
      const picked = items.filter((i) => i.option.picked);
      if (many) {
        pick.selectedItems = picked;
      } else if (picked.length > 0) {
        pick.activeItems = [picked[0]];
      }
      let done = false;
      const finish = (answer: Answer<T[]>): void => {
        if (!done) {
          done = true;
          resolve(answer);
          pick.dispose();
        }
      };
      pick.onDidAccept(() => {
        const chosen = many ? pick.selectedItems : pick.activeItems.slice(0, 1);
        if (!many && chosen.length === 0) {
          return;
        }
        finish({ value: chosen.map((i) => i.option.value) });
      });
      pick.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) {
          finish('back');
        }
      });
      pick.onDidHide(() => finish(undefined));
      pick.show();
    });
  }
}
