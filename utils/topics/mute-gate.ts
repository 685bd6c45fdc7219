import { compileTopics } from './compile';
import type { CompiledMatcher, MatchableText, Topic } from './types';

/** The reader's rule for a paper that matches both a muted and a highlighted topic (a preference). */
export type Precedence = 'highlight-wins' | 'mute-wins';

/**
 * Says which muted topic hides a paper (or null), by the same core and the same rules as the topic worker, in the
 * page's own thread: what lets a muted card be hidden before it is painted, while the worker's full answer is still
 * on its way. Only the muted topics are compiled up front; the highlighted ones only once a paper matches a muted
 * topic and the precedence needs them. Null when there are no muted topics (then nothing is ever muted).
 */
export function createMuteGate(topics: readonly Topic[], precedence: Precedence): ((paper: MatchableText) => string | null) | null {
  const muted = topics.filter((t) => t.mode === 'mute');
  if (muted.length === 0) return null;
  const muteMatcher = compileTopics(muted);
  let highlightMatcher: CompiledMatcher | null = null;
  return (paper) => {
    const mute = muteMatcher.match(paper)[0];
    if (!mute) return null;
    if (precedence === 'highlight-wins') {
      highlightMatcher ??= compileTopics(topics.filter((t) => t.mode === 'highlight'));
      if (highlightMatcher.match(paper).length > 0) return null;
    }
    return mute.name;
  };
}
