/**
 * Which topics each saved paper matches, from its stored title, abstract, keywords, authors and organization.
 * Computed on demand and remembered per record object: an edited record is a new object, so only it is matched
 * again; new topics mean a new cache. Pure: no browser API.
 */
import type { SavedPaper } from '../storage/records';
import type { CompiledMatcher, MatchableText, TopicMatch } from '../topics/types';

export function matchableFromSaved(p: SavedPaper): MatchableText {
  return { title: p.title, abstract: p.abstract, keywords: p.keywords, authors: p.authors, organization: p.organization };
}

export class TopicMatchCache {
  private readonly cache = new WeakMap<SavedPaper, TopicMatch[]>();

  constructor(private readonly matcher: CompiledMatcher | null) {}

  get hasTopics(): boolean {
    return (this.matcher?.topicCount ?? 0) > 0;
  }

  matches(p: SavedPaper): TopicMatch[] {
    if (!this.matcher || this.matcher.topicCount === 0) return [];
    let m = this.cache.get(p);
    if (!m) {
      m = this.matcher.match(matchableFromSaved(p));
      this.cache.set(p, m);
    }
    return m;
  }

  topicIds = (p: SavedPaper): string[] => this.matches(p).map((m) => m.topicId);
}
