/**
 * Ids: short, readable, stable, never derived from text or line numbers. Commitments, learnings and
 * feedback get `<prefix>-YYYYMMDD-xxxx` with four random base-36 characters; values and focus areas get
 * slugs of their names; sessions get `s-DATE` (`s-DATE-2` for a second session that day).
 */
import { compactDate } from './dates';

export type ItemPrefix = 'a' | 'l' | 'fb';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A new id unused in `used` (which is updated). `random` returns numbers in [0, 1). */
export function newItemId(prefix: ItemPrefix, date: string, used: Set<string>, random: () => number = Math.random): string {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    let suffix = '';
    for (let i = 0; i < 4; i++) {
      suffix += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
    }
    const id = `${prefix}-${compactDate(date)}-${suffix}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
  throw new Error('Could not find an unused id: the random source repeats itself.');
}

/**
 * A slug for a name: lower case ASCII letters, digits and dashes, at most 48 characters. Returns ''
 * when the name has no letter or digit (the caller asks for another name).
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
}

/** `base`, or `base-2`, `base-3`… whichever is not in `used`. */
export function uniqueSlug(base: string, used: Set<string>): string {
  if (!used.has(base)) {
    return base;
  }
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) {
      return candidate;
    }
  }
}

/** The file and id of a new session note on `date`, given the journal's existing paths. */
export function newSessionLocation(date: string, existingPaths: Set<string>, usedIds: Set<string>): { path: string; id: string } {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const path = `sessions/${date}${suffix}.md`;
    const id = `s-${date}${suffix}`;
    if (!existingPaths.has(path) && !usedIds.has(id)) {
      return { path, id };
    }
  }
}
