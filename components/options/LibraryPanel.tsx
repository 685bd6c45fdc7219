/** Placeholder until the library panel lands (being written now). */
export function LibraryPanel() {
  return <p>Library — coming in this change.</p>;
}
