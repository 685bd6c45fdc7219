import { useEffect, useState } from 'preact/hooks';
import { LibraryPanel } from './LibraryPanel';
import { SettingsPanel } from './SettingsPanel';
import { TopicsPanel } from './TopicsPanel';

const TABS = [
  { id: 'library', label: 'Library', Panel: LibraryPanel },
  { id: 'topics', label: 'Topics', Panel: TopicsPanel },
  { id: 'settings', label: 'Settings & backup', Panel: SettingsPanel },
] as const;
type TabId = (typeof TABS)[number]['id'];

const tabFromHash = (): TabId => {
  const h = location.hash.slice(1);
  return (TABS.find((t) => t.id === h)?.id ?? 'library') as TabId;
};

/** The options page: the library, the topic editor and settings, one tab each (`#library`, `#topics`, `#settings`). */
export function OptionsApp() {
  const [tab, setTab] = useState<TabId>(tabFromHash);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const active = TABS.find((t) => t.id === tab)!;
  return (
    <div class="options">
      <header class="options-header">
        <h1>PaperSift</h1>
        <nav aria-label="Sections">
          {TABS.map((t) => (
            <a key={t.id} href={`#${t.id}`} aria-current={t.id === tab ? 'page' : undefined}>
              {t.label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <active.Panel />
      </main>
    </div>
  );
}
