/** Placeholder until the settings panel lands (being written now). */
export function SettingsPanel() {
  return <p>Settings — coming in this change.</p>;
}
