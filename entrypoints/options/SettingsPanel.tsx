/** The options page's "Settings & backup" tab: preferences, backup, restore and reset. */
import { PreferencesForm } from './settings/PreferencesForm';
import { BackupSection } from './settings/BackupSection';
import { ResetSection } from './settings/ResetSection';
import { RestoreSection } from './settings/RestoreSection';
import { useTopics } from './library/use-topics';

export function SettingsPanel() {
  const topics = useTopics();
  return (
    <section class="set" aria-labelledby="set-heading">
      <h2 id="set-heading">Settings &amp; backup</h2>
      <PreferencesForm topics={topics.list} onTopicsChanged={() => void topics.reload()} />
      <BackupSection />
      <RestoreSection onRestored={() => void topics.reload()} />
      <ResetSection onReset={() => void topics.reload()} />
    </section>
  );
}
