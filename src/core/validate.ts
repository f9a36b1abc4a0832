/** Checks of text a person types before it is written into a note. */

/** Why a piece of text cannot be stored, or undefined when it can. */
export function unsafeTextReason(text: string): string | undefined {
  if (/\u0000/.test(text)) {
    return 'contains a NUL character';
  }
  if (text.length > 10_000) {
    return 'is longer than 10,000 characters: keep it short and put the rest in the note body';
  }
  return undefined;
}
