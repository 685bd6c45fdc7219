import type { MatchableText, TopicField } from './types';

/** Joins list fields (keywords, authors) into one string; TermHit offsets for those fields index into it. */
export const FIELD_JOINER = '; ';

/** The string a field is matched against ('' when absent). Hit offsets are offsets into this string. */
export function fieldText(paper: MatchableText, field: TopicField): string {
  switch (field) {
    case 'title':
      return paper.title ?? '';
    case 'abstract':
      return paper.abstract ?? '';
    case 'keywords':
      return (paper.keywords ?? []).join(FIELD_JOINER);
    case 'authors':
      return (paper.authors ?? []).join(FIELD_JOINER);
    case 'organization':
      return paper.organization ?? '';
  }
}
