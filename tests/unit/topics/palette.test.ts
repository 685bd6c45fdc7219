import { describe, expect, it } from 'vitest';
import { contrastRatio, hasTopicContrast, nextColour, PALETTE_BACKGROUNDS, TOPIC_PALETTE } from '../../../utils/topics/palette';

describe('TOPIC_PALETTE', () => {
  it('has about ten distinct #rrggbb colours', () => {
    expect(TOPIC_PALETTE.length).toBeGreaterThanOrEqual(8);
    expect(new Set(TOPIC_PALETTE.map((c) => c.toLowerCase())).size).toBe(TOPIC_PALETTE.length);
    for (const c of TOPIC_PALETTE) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each(TOPIC_PALETTE)('%s has at least 3:1 contrast on white and on #0b0f19', (colour) => {
    expect(contrastRatio(colour, PALETTE_BACKGROUNDS.light)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(colour, '#0b0f19')).toBeGreaterThanOrEqual(3);
    expect(hasTopicContrast(colour)).toBe(true);
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(hasTopicContrast('#ffff00')).toBe(false); // yellow vanishes on white
    expect(hasTopicContrast('#1e1e1e')).toBe(false); // near-black vanishes on the dark theme
  });
});

describe('nextColour', () => {
  it('takes the first unused colour, ignoring case', () => {
    expect(nextColour([])).toBe(TOPIC_PALETTE[0]);
    expect(nextColour([TOPIC_PALETTE[0]!.toUpperCase(), TOPIC_PALETTE[2]!])).toBe(TOPIC_PALETTE[1]);
  });

  it('reuses the least used colour once all are taken', () => {
    const all = [...TOPIC_PALETTE, ...TOPIC_PALETTE.slice(0, 3)];
    expect(nextColour(all)).toBe(TOPIC_PALETTE[3]);
  });

  it('ignores colours that are not in the palette', () => {
    expect(nextColour(['#123456'])).toBe(TOPIC_PALETTE[0]);
  });
});
