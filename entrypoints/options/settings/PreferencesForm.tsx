/** The reader's preferences: each change is saved at once through the background (`prefs/set`). */
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../../utils/messaging/client';
import type { TopicsList } from '../../../utils/messaging/protocol';
import { prefsItem, readPrefs, type Prefs } from '../../../utils/storage/prefs';
import { Notice } from '../../../components/common/Notice';
import { browser } from 'wxt/browser';
import type { DigestEvery } from '../../../utils/digest/schedule';

const DIGEST_EVERY: Array<{ value: DigestEvery; label: string }> = [
  { value: 'off', label: 'Never' },
  { value: '1h', label: 'Every hour' },
  { value: '3h', label: 'Every 3 hours' },
  { value: '6h', label: 'Every 6 hours' },
  { value: 'daily', label: 'Once a day' },
];

/** Notifications are an optional permission, asked for when the reader turns them on (a click is needed for it). */
async function allowNotifications(): Promise<boolean> {
  try {
    return await browser.permissions.request({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

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
  name: 'showToolbar' | 'keyboard' | 'keyboardSkipSeen' | 'topicSync';
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
        <Check name="keyboardSkipSeen" label="j and k skip papers seen before" hint="move only between papers you had not seen on an earlier visit (all of them when there are none)" prefs={prefs} onChange={change} />
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
      <fieldset class="set-group">
        <legend>New papers for your topics</legend>
        <div class="set-choice">
          <label for="pref-digestEvery">Check the Daily Papers</label>{' '}
          <select
            id="pref-digestEvery"
            value={prefs.digestEvery}
            aria-describedby="pref-digestEvery-hint"
            onChange={(e) => void change({ digestEvery: (e.currentTarget as HTMLSelectElement).value as DigestEvery })}
          >
            {DIGEST_EVERY.map((c) => (
              <option key={c.value} value={c.value}>{c.label}</option>
            ))}
          </select>
          <span id="pref-digestEvery-hint" class="ps-hint"> — and when the browser starts; the toolbar button counts the new papers matching your topics</span>
        </div>
        <div class="set-choice">
          <input
            type="checkbox"
            id="pref-digestNotify"
            checked={prefs.digestNotify}
            aria-describedby="pref-digestNotify-hint"
            onChange={(e) => {
              const box = e.currentTarget as HTMLInputElement;
              if (!box.checked) return void change({ digestNotify: false });
              void allowNotifications().then((granted) => {
                if (granted) return change({ digestNotify: true });
                box.checked = false;
                setStatus({ kind: 'error', text: 'Notifications were not allowed, so they stay off.' });
              });
            }}
          />
          <label for="pref-digestNotify">Notify me</label>
          <span id="pref-digestNotify-hint" class="ps-hint"> — at most once a day, when a check finds new papers for your topics (asks for the notifications permission)</span>
        </div>
      </fieldset>
      <div class="set-status">{status && <Notice kind={status.kind}>{status.text}</Notice>}</div>
    </section>
  );
}
