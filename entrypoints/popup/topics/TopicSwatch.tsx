/** A topic's colour as a small chip (decorative: the topic's name is always written next to it). */
export function TopicSwatch({ colour }: { colour: string }) {
  return <span class="topic-swatch" style={{ backgroundColor: colour }} aria-hidden="true" />;
}
