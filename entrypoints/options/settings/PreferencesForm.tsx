/** The reader's preferences: each change is saved at once through the background (`prefs/set`). */
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../../utils/messaging/client';
import type { TopicsList } from '../../../utils/messaging/protocol';
import { prefsItem, readPrefs, type Prefs } from '../../../utils/storage/prefs';
import { Notice } from '../../../components/common/Notice';

type Choice<K extends keyof Prefs> = { value: Prefs[K]; label: string; hint: string };

const HIGHLIGHT: Choice<'highlightStyle'>[] = [
  { value: 'accent', label: 'Accent', hint: 'a ring around the card in the topic’s colour' },
  { value: 'subtle', label: 'Subtle', hint: 'a thin coloured bar on the card’s edge' },
];
const HIDE: Choice<'hideStyle'>[] = [
  { value: 'placeholder', label: 'Leave a placeholder', hint: 'a one-line trace you can click to show the paper again' },
  { value: 'remove', label: 'Remove from the page', hint: 'the popup still counts and lists hidden papers' },
];
const PRECEDENCE: Choice<'precedence'>[] = [
  { value: 'highlight-wins', label: 'Highlight wins', hint: 'the paper is highlighted and stays visible' },
  { value: 'mute-wins', label: 'Mute wins', hint: 'the paper is hidden' },
];

function Radios<K extends 'highlightStyle' | 'hideStyle' | 'precedence'>({ name, legend, choices, prefs, onChange }: {
  name: K;
  legend: string;
  choices: Choice<K>[];
  prefs: Prefs;
  onChange: (patch: Partial<Prefs>) => void;
}) {
  return (
    <fieldset class="set-group">
      <legend>{legend}</legend>
      {choices.map((c) => {
        const id = `pref-${name}-${String(c.value)}`;
        return (
          <div class="set-choice" key={String(c.value)}>
            <input
              type="radio"
              id={id}
              name={name}
              value={String(c.value)}
              checked={prefs[name] === c.value}
              aria-describedby={`${id}-hint`}
              onChange={() => onChange({ [name]: c.value } as Partial<Prefs>)}
            />
            <label for={id}>{c.label}</label>
            <span id={`${id}-hint`} class="ps-hint"> — {c.hint}</span>
          </div>
        );
      })}
    </fieldset>
  );
}

function Check({ name, label, hint, prefs, onChange }: {
  name: 'showToolbar' | 'keyboard' | 'topicSync';
  label: string;
  hint: string;
  prefs: Prefs;
  onChange: (patch: Partial<Prefs>) => void;
}) {
  const id = `pref-${name}`;
  return (
    <div class="set-choice">
      <input
        type="checkbox"
        id={id}
        checked={prefs[name]}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange({ [name]: (e.currentTarget as HTMLInputElement).checked })}
      />
      <label for={id}>{label}</label>
      <span id={`${id}-hint`} class="ps-hint"> — {hint}</span>
    </div>
  );
}

export function PreferencesForm({ topics, onTopicsChanged }: { topics: TopicsList | null; onTopicsChanged: () => void }) {
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    readPrefs().then(setPrefs, (e: unknown) => setStatus({ kind: 'error', text: `Could not read the settings: ${String(e)}` }));
    // Another options page (or a restore, or a reset) may change them.
    return prefsItem.watch(() => void readPrefs().then(setPrefs));
  }, []);

  const change = async (patch: Partial<Prefs>) => {
    if (!prefs) return;
    const before = prefs;
    setPrefs({ ...prefs, ...patch }); // show the choice at once; put it back if it cannot be saved
    try {
      setPrefs(await sendToBackground({ type: 'prefs/set', patch }));
      setStatus({ kind: 'ok', text: 'Saved.' });
      if (patch.topicSync !== undefined) onTopicsChanged();
    } catch (e) {
      setPrefs(before);
      setStatus({ kind: 'error', text: `Could not save the setting: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  if (!prefs) return status ? <Notice kind="error">{status.text}</Notice> : <p class="ps-hint">Loading the settings…</p>;
  const storage = topics?.storage;
  const storageNote = storage && storage.area !== 'sync' && storage.reason;

  return (
    <section class="set-section" aria-labelledby="set-prefs-heading">
      <h3 id="set-prefs-heading">Settings</h3>
      <Radios name="highlightStyle" legend="Highlight style for papers matching a topic" choices={HIGHLIGHT} prefs={prefs} onChange={change} />
      <Radios name="hideStyle" legend="Hidden papers" choices={HIDE} prefs={prefs} onChange={change} />
      <Radios name="precedence" legend="A paper matching both a highlighted and a muted topic" choices={PRECEDENCE} prefs={prefs} onChange={change} />
      <fieldset class="set-group">
        <legend>On the papers pages</legend>
        <Check name="showToolbar" label="Show the summary bar" hint="counts and the Show hidden / My topics first / Only matches switches above the list" prefs={prefs} onChange={change} />
        <Check name="keyboard" label="Keyboard shortcuts" hint="save and hide the focused paper from the keyboard" prefs={prefs} onChange={change} />
      </fieldset>
      <fieldset class="set-group">
        <legend>Topics</legend>
        <Check name="topicSync" label="Sync topics" hint="keep your topics in your browser account, so they follow you to your other browsers" prefs={prefs} onChange={change} />
        {storageNote && (
          <Notice kind="info" class="set-storage-note">
            {storage.reason}
          </Notice>
        )}
      </fieldset>
      <div class="set-status">{status && <Notice kind={status.kind}>{status.text}</Notice>}</div>
    </section>
  );
}
