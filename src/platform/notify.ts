/**
 * Notifications render `[label](command:…)`, `[label](https://…)` and `[label](file:…)` as links that
 * run or open something when clicked. Messages can carry text from notes (a YAML error quotes the line,
 * a file name, a title), so every message the extension shows goes through `plainMessage`: a WORD
 * JOINER (U+2060, invisible) between `]` and `(` keeps the text as it reads and makes no link.
 * No `vscode` import: unit-tested against VS Code's own link pattern.
 */
export function plainMessage(text: string): string {
  return text.replace(/\]\(/g, ']\u2060(');
}
