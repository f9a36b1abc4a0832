/**
 * Names typed by a person become file names inside the journal folder, and nowhere else: no `..`, no
 * absolute or drive paths, no reserved device names, no control characters.
 */
import { slugify } from './ids';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Why a relative path is refused, or undefined when it is safe inside the journal folder. */
export function unsafePathReason(rel: string): string | undefined {
  if (rel === '') {
    return 'the name is empty';
  }
  if (/^[\\/]/.test(rel) || /^[a-zA-Z]:/.test(rel)) {
    return 'absolute paths are not allowed: give a name inside the journal folder';
  }
  if (/[\u0000-\u001f<>:"|?*]/.test(rel)) {
    return 'the name has characters that are not allowed in file names (< > : " | ? * or control characters)';
  }
  const parts = rel.split(/[\\/]/);
  for (const part of parts) {
    if (part === '..' || part === '.') {
      return 'the name may not contain "." or ".." folders: it must stay inside the journal folder';
    }
    if (part === '') {
      return 'the name has an empty folder part';
    }
    if (WINDOWS_RESERVED.test(part.replace(/\..*$/, ''))) {
      return `"${part}" is a reserved device name on Windows`;
    }
    if (/[. ]$/.test(part)) {
      return 'a name may not end with a dot or a space';
    }
    if (part.length > 120) {
      return 'the name is too long (at most 120 characters per part)';
    }
  }
  return undefined;
}

/** A safe file name (without extension) for a person's title, or undefined when nothing usable is left. */
export function fileSlug(title: string): string | undefined {
  const slug = slugify(title);
  if (slug === '' || WINDOWS_RESERVED.test(slug)) {
    return undefined;
  }
  return slug;
}
