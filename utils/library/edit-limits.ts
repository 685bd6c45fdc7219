/**
 * The reader's own fields on a saved paper: tags and the note. One set of rules for the page (which tidies what
 * was typed) and the background (which refuses what breaks them). Pure: no browser API.
 * The limits are the backup's, so whatever the library holds can always be backed up and restored.
 */
import { BACKUP_LIMITS } from '../backup/limits';

export const EDIT_LIMITS = { tags: BACKUP_LIMITS.tags, tag: BACKUP_LIMITS.tag, note: BACKUP_LIMITS.note } as const;

export type TagCheck = { ok: true; tags: string[] } | { ok: false; error: string };

/** Trim, collapse inner whitespace, drop empties and repeats (case-insensitive: the first spelling stays). */
export function tidyTags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of raw) {
    const tag = t.trim().replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Tidied tags, or why they cannot be stored (too many, one too long). Too long is refused, never cut. */
export function checkTags(raw: readonly string[]): TagCheck {
  const tags = tidyTags(raw);
  const long = tags.findIndex((t) => t.length > EDIT_LIMITS.tag);
  if (long >= 0) {
    const tag = tags[long]!;
    return { ok: false, error: `The tag "${tag.slice(0, 30)}…" is ${tag.length} characters long; tags can have at most ${EDIT_LIMITS.tag}.` };
  }
  if (tags.length > EDIT_LIMITS.tags) return { ok: false, error: `That is ${tags.length} tags; a paper can have at most ${EDIT_LIMITS.tags}.` };
  return { ok: true, tags };
}

/** What the reader types in the tag box: tags separated by commas. */
export function parseTagText(text: string): string[] {
  return tidyTags(text.split(','));
}

export const tagText = (tags: readonly string[]): string => tags.join(', ');

export function checkNote(note: string): string | null {
  return note.length > EDIT_LIMITS.note
    ? `The note is ${note.length.toLocaleString('en')} characters long; notes can have at most ${EDIT_LIMITS.note.toLocaleString('en')}.`
    : null;
}
