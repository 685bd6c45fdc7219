import type { HideReason } from '../../../../utils/storage/records';
import type { TopicMatch } from '../../../../utils/topics';

import type { Precedence } from '../../../../utils/topics/mute-gate';

export type { Precedence };

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

