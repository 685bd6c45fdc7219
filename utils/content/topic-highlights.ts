import type { Topic } from '../topics';

/**
 * The page stylesheet of the topics: each highlight topic's ring (`data-papersift-accent="<topic id>"` on a card root,
 * one attribute instead of an inline style per card), and its word marks.
 *
 * Words are marked with the CSS Custom Highlight API: ranges are painted by the browser, so HF's DOM, links and
 * text selection stay exactly as they were. One named highlight per topic, coloured by a rule we generate.
 * Engines without the API simply show no word marks; chips and accents still work.
 */
export class TopicHighlights {
  private readonly supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
  private readonly byTopic = new Map<string, Highlight>();
  private readonly rangesOf = new Map<object, Array<[string, AbstractRange]>>();
  private style: HTMLStyleElement | null = null;

  setTopics(topics: Topic[]): void {
    this.clearAll();
    const rules: string[] = [];
    topics.forEach((topic, i) => {
      if (topic.mode !== 'highlight' || !/^#[0-9a-f]{6}$/i.test(topic.colour)) return;
      // Topic ids are letters, digits, "-" and "_" (validated by the background): safe inside the quotes. The ring
      // is set here per topic rather than through an inherited custom property, which would restyle every
      // element inside each marked card (measured: a third more style and layout work on a 1,000-card page).
      if (/^[A-Za-z0-9_-]+$/.test(topic.id)) {
        const card = `[data-papersift-topics][data-papersift-accent="${topic.id}"]`;
        rules.push(`${card} { box-shadow: 0 0 0 2px ${topic.colour}; }`);
        rules.push(`html[data-papersift-highlight-style='subtle'] ${card} { box-shadow: inset 4px 0 0 ${topic.colour}; }`);
      }
      if (!this.supported) return;
      const name = `papersift-topic-${i}`;
      const highlight = new Highlight();
      CSS.highlights.set(name, highlight);
      this.byTopic.set(topic.id, highlight);
      // 30% tint behind the text plus an underline in the full colour: readable on HF's light and dark themes.
      rules.push(`::highlight(${name}) { background-color: ${topic.colour}4d; text-decoration: underline 2px ${topic.colour}; }`);
    });
    if (!this.style) {
      this.style = document.createElement('style');
      this.style.setAttribute('data-papersift-style', 'highlights');
      (document.head ?? document.documentElement).append(this.style);
    }
    this.style.textContent = rules.join('\n');
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

  private clearAll(): void {
    if (!this.supported) return;
    for (const [name] of CSS.highlights ?? []) if (String(name).startsWith('papersift-topic-')) CSS.highlights.delete(name);
    this.byTopic.clear();
    this.rangesOf.clear();
  }
}
