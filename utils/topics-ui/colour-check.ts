/**
 * Why a custom topic colour is not usable, with the numbers. Topic colours mark cards on light and dark pages,
 * so they need MIN_TOPIC_CONTRAST against both backgrounds (validateTopic refuses the rest). Pure.
 */
import { contrastRatio, isHexColour, MIN_TOPIC_CONTRAST, PALETTE_BACKGROUNDS } from '../topics/palette';

const ratio = (n: number) => `${(Math.floor(n * 10) / 10).toFixed(1)}:1`;

/** Null when the colour is fine; otherwise a sentence saying what is wrong and which way to move. */
export function colourWarning(hex: string): string | null {
  if (!isHexColour(hex)) return `"${hex}" is not a colour of the form #rrggbb.`;
  const light = contrastRatio(hex, PALETTE_BACKGROUNDS.light);
  const dark = contrastRatio(hex, PALETTE_BACKGROUNDS.dark);
  if (light >= MIN_TOPIC_CONTRAST && dark >= MIN_TOPIC_CONTRAST) return null;
  const fix = light < MIN_TOPIC_CONTRAST && dark < MIN_TOPIC_CONTRAST
    ? 'no shade of this brightness works on both; pick a palette colour'
    : light < MIN_TOPIC_CONTRAST
      ? 'pick a darker colour'
      : 'pick a lighter colour';
  return (
    `Poor contrast: ${ratio(light)} on light pages and ${ratio(dark)} on dark pages, ` +
    `and topic colours need at least ${MIN_TOPIC_CONTRAST}:1 on both to stay visible — ${fix}.`
  );
}
