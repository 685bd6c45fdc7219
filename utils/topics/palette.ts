/**
 * Topic colours. Each has at least 3:1 contrast (WCAG non-text contrast) against both the light page
 * background (white) and the dark one (#0b0f19), so a highlight border or chip stays visible in both themes.
 * Hues alternate so that neighbouring topics differ clearly.
 */
export const TOPIC_PALETTE: readonly string[] = [
  '#3b82f6', // blue
  '#ea580c', // orange
  '#16a34a', // green
  '#c026d3', // fuchsia
  '#0d9488', // teal
  '#dc2626', // red
  '#8b5cf6', // violet
  '#b45309', // amber (dark)
  '#4d7c0f', // olive
  '#db2777', // pink
];

export const PALETTE_BACKGROUNDS = { light: '#ffffff', dark: '#0b0f19' } as const;
export const MIN_TOPIC_CONTRAST = 3;

const HEX = /^#[0-9a-f]{6}$/i;

export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  if (!isHexColour(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio, 1..21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** True when the colour is usable for a topic on both page themes. */
export function hasTopicContrast(hex: string): boolean {
  return (
    isHexColour(hex) &&
    contrastRatio(hex, PALETTE_BACKGROUNDS.light) >= MIN_TOPIC_CONTRAST &&
    contrastRatio(hex, PALETTE_BACKGROUNDS.dark) >= MIN_TOPIC_CONTRAST
  );
}

/**
 * The first palette colour nobody uses yet; once all are taken, the least used one (earliest on ties),
 * so colours stay spread out as topics grow.
 */
export function nextColour(usedColours: readonly string[]): string {
  const counts = new Map<string, number>(TOPIC_PALETTE.map((c) => [c, 0]));
  for (const used of usedColours) {
    const key = used.toLowerCase();
    const n = counts.get(key);
    if (n !== undefined) counts.set(key, n + 1);
  }
  let best = TOPIC_PALETTE[0]!;
  let bestCount = Infinity;
  for (const colour of TOPIC_PALETTE) {
    const n = counts.get(colour)!;
    if (n < bestCount) {
      best = colour;
      bestCount = n;
    }
  }
  return best;
}
