/**
 * Quick fixes for the problems the journal reports about ids: a duplicate id gets a new, unused one
 * (only that scalar changes, in its own quoting style); an unknown focus area becomes a new focus-area
 * note; an unknown value becomes a value of the big picture.
 */
import { isValidDate } from './dates';
import { splitFrontmatter } from './frontmatter';
import { newItemId, uniqueSlug, type ItemPrefix } from './ids';
import { idKindName, type IdKind } from './noteHelp';
import { renderFocusAreaNote } from './notes';
import { parseNote } from './parse';
import { Word } from './render';
import { LineIndex } from './text';
import { editFrontmatter, EditError, type TextEdit, type YamlPath } from './yamlEdit';
import { itemsOf, pairsOf, readYaml, type YNode } from './yamlRead';

/** A duplicate id replaced by a new one. */
export interface NewIdFix {
  kind: IdKind;
  oldId: string;
  newId: string;
  /** "Give this commitment a new id". */
  title: string;
  edits: TextEdit[];
}

const PREFIXES: Partial<Record<IdKind, ItemPrefix>> = { action: 'a', learning: 'l', feedback: 'fb' };

/**
 * Gives the id declared at `at` (0-based line and character of the id, as the duplicate-id problem
 * reports it) a new id that no note uses: `a-/l-/fb-DATE-xxxx` with the date of the old id (or of the
 * session, or today), `s-DATE-2` for a session, `slug-2` for a value or focus area. Only that scalar
 * changes; it keeps its quotes. Throws EditError when the note no longer declares that id there.
 */
export function newIdEdits(
  text: string, path: string, at: { line: number; character: number }, id: string, used: ReadonlySet<string>, today: string,
  random: () => number = Math.random,
): NewIdFix {
  const note = parseNote(path, text);
  const decl = note.ids.find((d) => d.id === id && d.loc.line === at.line && d.loc.character === at.character);
  if (!decl) {
    throw new EditError(`The id "${id}" is no longer declared at line ${at.line + 1} of this note; nothing was changed.`, 'not-found');
  }
  const yamlPath = declarationPath(text, at, id);
  if (!yamlPath) {
    throw new EditError(`The id "${id}" at line ${at.line + 1} is written in a way this fix cannot edit; change it by hand.`, 'unsafe');
  }
  const taken = new Set(used);
  for (const d of note.ids) {
    taken.add(d.id);
  }
  const sessionDate = note.session?.date && isValidDate(note.session.date) ? note.session.date : today;
  let newId: string;
  const prefix = PREFIXES[decl.kind];
  if (prefix) {
    const m = /^(?:a|l|fb)-(\d{4})(\d{2})(\d{2})-/.exec(id);
    const fromId = m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
    newId = newItemId(prefix, fromId && isValidDate(fromId) ? fromId : sessionDate, taken, random);
  } else if (decl.kind === 'session') {
    newId = uniqueSlug(`s-${sessionDate}`, taken);
  } else {
    newId = uniqueSlug(id, taken);
  }
  const key = yamlPath[yamlPath.length - 1] as string;
  const edits = editFrontmatter(text, [{ op: 'set', path: yamlPath.slice(0, -1), key, value: new Word(newId) }]);
  return { kind: decl.kind, oldId: id, newId, title: `Give this ${idKindName(decl.kind)} a new id`, edits };
}

/** The YAML path (keys and list indexes) of the scalar `id` that starts at `at`. */
function declarationPath(text: string, at: { line: number; character: number }, id: string): YamlPath | undefined {
  const split = splitFrontmatter(text);
  if (split.kind !== 'ok') {
    return undefined;
  }
  const yaml = text.slice(split.yamlStart, split.yamlEnd);
  const read = readYaml(yaml);
  if (!read.ok) {
    return undefined;
  }
  const lines = new LineIndex(yaml);
  const startsAt = (node: YNode): boolean => {
    let s = node.start;
    while (s < node.end && /\s/.test(yaml[s])) {
      s++;
    }
    const p = lines.positionAt(s);
    return p.line + 1 === at.line && p.character === at.character;
  };
  const walk = (node: YNode | undefined, path: YamlPath): YamlPath | undefined => {
    const pairs = pairsOf(node);
    if (pairs) {
      for (const [key, pair] of pairs) {
        if (pair.value && pair.value.value === id && startsAt(pair.value)) {
          return [...path, key];
        }
        const found = walk(pair.value, [...path, key]);
        if (found) {
          return found;
        }
      }
      return undefined;
    }
    const items = itemsOf(node);
    for (let i = 0; items && i < items.length; i++) {
      const found = walk(items[i], [...path, i]);
      if (found) {
        return found;
      }
    }
    return undefined;
  };
  return walk(read.root, []);
}

/** A readable name made from an id: "strategic-work" → "Strategic work". */
export function nameFromId(id: string): string {
  const words = id.replace(/[-_.]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : id;
}

/** True when an id can name a file of its own (focus-areas/<id>.md) as it is. */
export function isFileSafeId(id: string): boolean {
  return /^[a-z0-9][a-z0-9_-]*$/i.test(id) && id.length <= 64;
}

/** The new note for a focus area a note refers to but that does not exist yet. */
export function focusAreaNoteFor(id: string): { path: string; text: string } {
  if (!isFileSafeId(id)) {
    throw new EditError(`"${id}" cannot name a file: use letters, digits and dashes for a focus area's id.`, 'invalid-input');
  }
  return { path: `focus-areas/${id}.md`, text: renderFocusAreaNote({ id, title: nameFromId(id), values: [] }) };
}
