/**
 * Which papers of the digest are "new for you", and so what the toolbar badge counts: papers that match a
 * highlighted topic and that the reader has not seen, saved or hidden. A paper a muted topic hides on the pages
 * (by the reader's precedence rule) never counts. Matching goes through the topic worker's core, the one engine the
 * pages use. Pure: no browser API.
 */
import type { PaperInfo } from '../model/paper';
import type { Precedence } from '../topics/mute-gate';
import type { Topic } from '../topics/types';
import { TopicWorkerCore } from '../topic-worker/core';
import type { CardToMatch } from '../topic-worker/protocol';
import type { DigestPaper } from './daily-api';

export interface DigestChip {
  name: string;
  colour: string;
  /** What matched where, as on a card's chip: "title: diffusion · abstract: diffusion". */
  detail: string;
}

export interface NewPaper {
  id: string;
  title: string;
  day: string;
  /** Highlighted topics it matches, strongest first. */
  chips: DigestChip[];
  /** What Save stores (the same `library/save` as a card's). */
  info: PaperInfo;
}

export interface ReaderState {
  seen: ReadonlySet<string>;
  saved: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
}

/** Chips explained per paper (as many as the cards show). */
const MAX_DETAILS = 3;

/** The digest's papers that match the reader's highlighted topics, not muted, with their chips (in the given order). */
export function matchDigest(papers: readonly DigestPaper[], topics: readonly Topic[], precedence: Precedence): NewPaper[] {
  if (!topics.some((t) => t.mode === 'highlight') || papers.length === 0) return [];
  const core = new TopicWorkerCore();
  core.handle({ type: 'topics', gen: 1, topics: [...topics], maxDetails: MAX_DETAILS });
  const cards: CardToMatch[] = papers.map((p) => ({
    id: p.id,
    title: p.title,
    fields: { id: p.id, title: p.title, abstract: p.abstract, keywords: p.keywords, authors: p.authors, organization: p.organization },
  }));
  const matches = core.matchCards(1, cards);
  const out: NewPaper[] = [];
  matches.forEach((m, i) => {
    if (m.names === null) return; // no highlighted topic
    if (m.mute >= 0 && precedence === 'mute-wins') return; // the pages hide it
    const paper = papers[i]!;
    const highlighted = Array.from(m.topics, (k) => topics[k]).filter((t): t is Topic => t !== undefined && t.mode === 'highlight');
    const info: PaperInfo = { id: paper.id, title: paper.title, authors: paper.authors };
    if (paper.abstract) info.abstract = paper.abstract;
    if (paper.organization) info.organization = paper.organization;
    if (paper.upvotes !== undefined) info.upvotes = paper.upvotes;
    if (paper.date) info.date = paper.date;
    if (paper.keywords) info.keywords = paper.keywords;
    out.push({
      id: paper.id,
      title: paper.title,
      day: paper.day,
      chips: highlighted.map((t, k) => ({ name: t.name, colour: t.colour, detail: m.details[k] ?? '' })),
      info,
    });
  });
  return out;
}

/** The matching papers the reader has not seen, saved or hidden: what the popup lists and the badge counts. */
export function unseenOnly(matched: readonly NewPaper[], reader: ReaderState): NewPaper[] {
  return matched.filter((p) => !reader.seen.has(p.id) && !reader.saved.has(p.id) && !reader.hidden.has(p.id));
}

/** The badge: the count, or nothing when there is nothing new (no "0"). Past 99 it says "99+". */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}
