import type { PaperInfo } from '../model/paper';
import type { MatchableText } from './types';

/** The fields of a paper the topic matcher reads. */
export function matchableFromPaper(paper: PaperInfo): MatchableText {
  return {
    title: paper.title,
    abstract: paper.abstract,
    keywords: paper.keywords,
    authors: paper.authors,
    organization: paper.organization,
  };
}
