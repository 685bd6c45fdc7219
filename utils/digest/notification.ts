/**
 * The digest's optional notification: whether this check shows one, and what it says. Pure (the background checks
 * the permission and shows it): "5 new papers on diffusion, speculative decoding", the first titles below.
 */
import type { NewPaper } from './new-for-you';

export interface NotificationInput {
  /** The reader turned it on (prefs.digestNotify). */
  enabled: boolean;
  /** The badge's count after this check. */
  count: number;
  /** The day of this check (YYYY-MM-DD, UTC) and the day one was last shown. */
  day: string;
  notifiedDay: string | null;
  /** Paper ids the digest held before this check: only papers this check brought are news. */
  known: ReadonlySet<string>;
  /** New for you, newest first (what the badge counts). */
  items: readonly NewPaper[];
}

export interface DigestNotification {
  title: string;
  message: string;
}

const TOPICS_NAMED = 3;
const TITLES_LISTED = 3;

/** At most one a day, only when turned on, only when there is something new and this check brought some of it. */
export function digestNotification(input: NotificationInput): DigestNotification | null {
  const { enabled, count, day, notifiedDay, known, items } = input;
  if (!enabled || count === 0 || notifiedDay === day || !items.some((p) => !known.has(p.id))) return null;
  return { title: `${count} new ${count === 1 ? 'paper' : 'papers'} on ${topicNames(items)}`, message: items.slice(0, TITLES_LISTED).map((p) => p.title).join('\n') };
}

/** The topics the papers match, those with the most papers first: "diffusion, speculative decoding and 2 more". */
function topicNames(items: readonly NewPaper[]): string {
  const papers = new Map<string, number>();
  for (const p of items) for (const name of new Set(p.chips.map((c) => c.name))) papers.set(name, (papers.get(name) ?? 0) + 1);
  // Stable sort: equal counts keep the order of the newest paper that named them first.
  const names = [...papers.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  if (names.length === 0) return 'your topics';
  const shown = names.slice(0, TOPICS_NAMED).join(', ');
  return names.length > TOPICS_NAMED ? `${shown} and ${names.length - TOPICS_NAMED} more` : shown;
}
