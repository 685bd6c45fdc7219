/** Placeholder until the topics panel lands (being written now). */
export function TopicsPanel() {
  return <p>Topics — coming in this change.</p>;
}
