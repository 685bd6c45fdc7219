import type { Topic } from '../../../../utils/topics';
import { TOPIC_PALETTE } from '../../../../utils/topics/palette';

/**
 * The page stylesheet of the topics: each highlight topic's ring on the cards whose strongest topic it is (the first
 * name of their `data-papersift-topics`, so no other attribute per card is needed), and its word marks.
 *
 * Words are marked with the CSS Custom Highlight API: ranges are painted by the browser, so HF's DOM, links and
 * text selection stay exactly as they were. One named highlight per colour: the palette's are coloured by static
 * rules in hooks.css (`papersift-c<index>`), because writing a `::highlight()` rule later restyles the whole page
 * (measured: 20-30 ms of style work on the month page); a custom colour gets a rule here (`papersift-topic-<index>`).
 * Engines without the API simply show no word marks; chips and rings still work.
 */

/** The highlight name of a palette colour; its rule is in hooks.css. */
export function paletteHighlightName(colour: string): string | null {
  const i = TOPIC_PALETTE.indexOf(colour.toLowerCase());
  return i < 0 ? null : `papersift-c${i}`;
}

/** Every palette highlight name, so a later script instance can remove an earlier one's (see `clearAll`). */
const PALETTE_NAMES = TOPIC_PALETTE.map((_, i) => `papersift-c${i}`);

/** `text` as a double-quoted CSS string. */
export function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** Cards whose first topic is `name`: the whole value, or the value up to its first separator. */
export function firstTopicIs(name: string): string {
  return `[data-papersift-topics=${cssString(name)}], [data-papersift-topics^=${cssString(`${name},`)}]`;
}

const COLOUR_RE = /^#[0-9a-f]{6}$/i;

export class TopicHighlights {
  private readonly supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
  private readonly byTopic = new Map<string, Highlight>();
  private readonly rangesOf = new Map<object, Array<[string, AbstractRange]>>();
  /** The highlight names this instance registered. */
  private readonly names = new Set<string>();
  private style: HTMLStyleElement | null = null;

  setTopics(topics: Topic[]): void {
    this.clearAll();
    const rules: string[] = [];
    // Shortest names first: a name with a comma in it ("A,B") would also match "A"'s prefix rule, and of two rules
    // that match, the later one wins. The ring is set per topic rather than through an inherited custom property,
    // which would restyle every element inside each marked card (measured: a third more style and layout work).
    const rings = topics.filter((t) => t.mode === 'highlight' && COLOUR_RE.test(t.colour)).sort((a, b) => a.name.length - b.name.length);
    for (const topic of rings) {
      const cards = firstTopicIs(topic.name);
      // One attribute more than hooks.css's default ring, so these win wherever the two sheets come in the cascade.
      rules.push(`[data-papersift-topics]:is(${cards}) { box-shadow: 0 0 0 2px ${topic.colour}; }`);
      rules.push(`html[data-papersift-highlight-style='subtle'] [data-papersift-topics]:is(${cards}) { box-shadow: inset 4px 0 0 ${topic.colour}; }`);
    }
    topics.forEach((topic, i) => {
      if (topic.mode !== 'highlight' || !COLOUR_RE.test(topic.colour) || !this.supported) return;
      const palette = paletteHighlightName(topic.colour);
      const name = palette ?? `papersift-topic-${i}`;
      let highlight = CSS.highlights.get(name) as Highlight | undefined; // topics of one colour share its highlight
      if (!highlight) {
        highlight = new Highlight();
        CSS.highlights.set(name, highlight);
      }
      this.names.add(name);
      this.byTopic.set(topic.id, highlight);
      // As hooks.css does for the palette: 30% tint behind the text plus an underline in the full colour.
      if (!palette) rules.push(`::highlight(${name}) { background-color: ${topic.colour}4d; text-decoration: underline 2px ${topic.colour}; }`);
    });
    const css = rules.join('\n');
    if (this.style?.textContent === css || (!this.style && !css)) return; // a stylesheet change restyles the whole page
    if (!this.style) {
      this.style = document.createElement('style');
      this.style.setAttribute('data-papersift-style', 'highlights');
      (document.head ?? document.documentElement).append(this.style);
    }
    this.style.textContent = css;
  }

  /** Replaces the marks of one card (`owner` is any stable object for it). */
  paint(owner: object, marks: Array<{ topicId: string; range: AbstractRange }>): void {
    if (!this.supported) return;
    this.clear(owner);
    const kept: Array<[string, AbstractRange]> = [];
    for (const { topicId, range } of marks) {
      const h = this.byTopic.get(topicId);
      if (!h) continue;
      h.add(range);
      kept.push([topicId, range]);
    }
    if (kept.length) this.rangesOf.set(owner, kept);
  }

  clear(owner: object): void {
    const old = this.rangesOf.get(owner);
    if (!old) return;
    for (const [topicId, range] of old) this.byTopic.get(topicId)?.delete(range);
    this.rangesOf.delete(owner);
  }

  destroy(): void {
    this.clearAll();
    this.style?.remove();
    this.style = null;
  }

  /**
   * Removes our highlights by name, never by iterating `CSS.highlights`: in a Firefox content script the registry is
   * an Xray wrapper, and iterating it (for…of, keys(), forEach) throws "Xray wrapping of iterators not supported",
   * which stopped every topic from applying. get/set/has/delete work in both engines. The palette names are
   * deleted too, so highlights left by an earlier instance of the script (an extension update) go as well.
   */
  private clearAll(): void {
    if (!this.supported) return;
    for (const name of new Set([...this.names, ...PALETTE_NAMES])) CSS.highlights.delete(name);
    this.names.clear();
    this.byTopic.clear();
    this.rangesOf.clear();
  }
}
