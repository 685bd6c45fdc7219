import type { HideReason } from '../storage/records';
import type { TermHit, TopicMatch } from '../topics';

export type Precedence = 'highlight-wins' | 'mute-wins';

/**
 * Why a card is hidden, if it is: the reader's own Hide wins; otherwise the strongest muted topic — unless a
 * highlighted topic also matches and the reader kept the default "highlight wins" (the exception filter tools
 * are most asked for). Pure, so the rule is tested on its own.
 */
export function hiddenReasonFor(
  stored: HideReason | null,
  matches: readonly TopicMatch[],
  precedence: Precedence,
): HideReason | null {
  const mute = matches.find((m) => m.mode === 'mute');
  return hiddenReasonOf(stored, mute?.name ?? null, matches.some((m) => m.mode === 'highlight'), precedence);
}

/** The same rule from what it depends on: the strongest muted topic's name and whether any highlight matched. */
export function hiddenReasonOf(
  stored: HideReason | null,
  muteName: string | null,
  highlighted: boolean,
  precedence: Precedence,
): HideReason | null {
  if (stored) return stored;
  if (muteName === null) return null;
  if (precedence === 'highlight-wins' && highlighted) return null;
  return `topic:${muteName}`;
}

/** Highlighted topics of a card, strongest first (the matcher already sorts by score). */
export function highlightMatches(matches: readonly TopicMatch[]): TopicMatch[] {
  return matches.filter((m) => m.mode === 'highlight');
}

/** "title: diffusion, score matching · abstract: diffusion" — what a chip says about why it matched. */
export function describeHits(match: TopicMatch, fieldText: (field: TermHit['field']) => string): string {
  const byField = new Map<string, Set<string>>();
  for (const hit of match.hits) {
    const source = fieldText(hit.field);
    const word = source ? source.slice(hit.start, hit.end) : hit.term;
    const set = byField.get(hit.field) ?? new Set<string>();
    set.add(word);
    byField.set(hit.field, set);
  }
  return [...byField].map(([field, words]) => `${field}: ${[...words].join(', ')}`).join(' · ');
}
