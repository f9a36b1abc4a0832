/**
 * Names typed by a person become file names inside the journal folder, and nowhere else: no `..`, no
 * absolute or drive paths, no reserved device names, no control characters.
 */
import { slugify } from './ids';

/** Device names Windows reserves in every folder, with any extension (`aux.md`) and any case. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$|clock\$)$/i;

/**
 * Most file systems allow 255 bytes per name (ext4, APFS; NTFS 255 UTF-16 units). A part may take 200
 * bytes of UTF-8, leaving room for the `-2` of a second file and the temporary name of a safe write.
 */
export const MAX_NAME_BYTES = 200;

/** Control characters (C0, DEL, C1) and the bidirectional controls that can make a name read backwards. */
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** True when Windows treats the name as a device: the part before the first dot, without trailing spaces. */
function isReservedDeviceName(part: string): boolean {
  return WINDOWS_RESERVED.test(part.replace(/\..*$/, '').replace(/ +$/, ''));
}

/** Why a relative path is refused, or undefined when it is safe inside the journal folder. */
export function unsafePathReason(rel: string): string | undefined {
  if (rel === '') {
    return 'the name is empty';
  }
  if (/^[\\/]/.test(rel) || /^[a-zA-Z]:/.test(rel)) {
    return 'absolute paths are not allowed: give a name inside the journal folder';
  }
  if (FORBIDDEN_CHARS.test(rel)) {
    return 'the name has characters that are not allowed in file names (< > : " | ? *, control or text-direction characters)';
  }
  const parts = rel.split(/[\\/]/);
  for (const part of parts) {
    if (part === '..' || part === '.') {
      return 'the name may not contain "." or ".." folders: it must stay inside the journal folder';
    }
    if (part === '') {
      return 'the name has an empty folder part';
    }
    if (isReservedDeviceName(part)) {
      return `"${part}" is a reserved device name on Windows`;
    }
    if (/[. ]$/.test(part)) {
      return 'a name may not end with a dot or a space';
    }
    if (utf8Length(part) > MAX_NAME_BYTES) {
      return `the name is too long (at most ${MAX_NAME_BYTES} bytes per part; letters outside English take 2 to 4 bytes each)`;
    }
  }
  return undefined;
}

/**
 * A safe file name (without extension) for a person's title, or undefined when the title has no letter
 * or digit to make one from. A Windows device name ("CON", "Aux") gets `-1` so that its file can exist.
 */
export function fileSlug(title: string): string | undefined {
  const slug = slugify(title);
  if (slug === '') {
    return undefined;
  }
  return isReservedDeviceName(slug) ? `${slug}-1` : slug;
}
