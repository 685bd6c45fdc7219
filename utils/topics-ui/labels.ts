/** Words the topic UIs show for topic fields, modes and palette colours. Pure. */
import { TOPIC_PALETTE } from '../topics/palette';
import type { Topic, TopicField } from '../topics/types';

export const FIELD_LABELS: Readonly<Record<TopicField, string>> = {
  title: 'Title',
  abstract: 'Abstract',
  keywords: 'AI keywords',
  authors: 'Authors',
  organization: 'Organisation',
};

export const MODE_LABELS: Readonly<Record<Topic['mode'], string>> = { highlight: 'Highlight', mute: 'Muted' };

/** Names of TOPIC_PALETTE's colours, in its order (see the comments there). */
const PALETTE_NAMES = ['Blue', 'Orange', 'Green', 'Fuchsia', 'Teal', 'Red', 'Violet', 'Amber', 'Olive', 'Pink'];

/** "Blue" for a palette colour, the hex code otherwise. */
export function colourName(hex: string): string {
  const i = TOPIC_PALETTE.indexOf(hex.toLowerCase());
  return (i >= 0 ? PALETTE_NAMES[i] : undefined) ?? hex.toLowerCase();
}
