import type { Topic } from '../../../../utils/topics';
import { createMuteGate, type Precedence } from '../../../../utils/topics/mute-gate';

type MuteGate = NonNullable<ReturnType<typeof createMuteGate>>;
/** A muted topic's name for a paper from the page's JSON (null: not muted; undefined: the JSON does not know it). */
export type JsonMutes = (id: string, title: string) => string | null | undefined;

/**
 * Which muted topic hides a card until the topic worker has answered for it: a card must not be shown for the
 * frames the worker takes. From the page's JSON when it describes the card (early-hide.ts matched it there),
 * else from the card's title, with the same core and rules as the worker; the worker's answer then replaces it.
 */
export class ProvisionalMutes {
  private gate: MuteGate | null = null;
  private json: JsonMutes | null = null;
  private topicsKey = '';

  /** The topics and precedence the JSON verdicts were made with, and the verdicts. */
  seed(topics: readonly Topic[], precedence: Precedence, json: JsonMutes): void {
    this.setTopics(topics, precedence);
    this.json = json;
  }

  setTopics(topics: readonly Topic[], precedence: Precedence): void {
    const key = JSON.stringify([topics, precedence]);
    if (key === this.topicsKey) return;
    this.topicsKey = key;
    this.gate = createMuteGate(topics, precedence);
    this.json = null; // made for other topics
  }

  /** False without muted topics: then no card is ever muted, and nothing needs its title. */
  get active(): boolean {
    return this.gate !== null;
  }

  muteOf(id: string, title: string): string | null {
    if (!this.gate) return null;
    const fromJson = this.json?.(id, title);
    return fromJson !== undefined ? fromJson : this.gate({ title });
  }
}
