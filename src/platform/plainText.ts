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

/** Bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Note text shown next to other text (a tree row's label beside its description, a hover line): a
 * right-to-left override in the note (U+202E) must not reverse what follows it. Text with bidi controls
 * is wrapped in a first-strong isolate (U+2068 … U+2069), which ends every embedding started inside;
 * isolate controls inside are dropped so none can close the wrapper early. Other text is returned as is.
 */
export function isolateBidi(text: string): string {
  return BIDI_CONTROLS.test(text) ? `\u2068${text.replace(/[\u2066-\u2069]/g, '')}\u2069` : text;
}

/**
 * Note text in a quick pick's label, description or detail, or in an input box's prompt: VS Code draws
 * `$(name)` there as an icon, so it is escaped (`\$(`, shown as typed), and bidi-isolated as above.
 */
export function plainPickText(text: string): string {
  return isolateBidi(text).replace(/\$\(/g, '\\$(');
}

/** An input box's prompt or validation message: drawn with icons and links, so both are defused. */
export function plainPrompt(text: string): string {
  return plainMessage(plainPickText(text));
}
