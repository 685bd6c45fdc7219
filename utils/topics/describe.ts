/** What a card's chips say about its matches. Pure. */
import type { TermHit, TopicMatch } from './types';

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
