/** Highlight or mute: what PaperSift does with papers the topic matches. */
import type { Topic } from '../../../utils/topics/types';

const MODES: ReadonlyArray<{ mode: Topic['mode']; label: string; help: string }> = [
  { mode: 'highlight', label: 'Highlight', help: 'mark matching papers in the topic’s colour' },
  { mode: 'mute', label: 'Mute', help: 'hide matching papers, leaving a visible trace you can undo' },
];

export function ModeChoice({ mode, onChange }: { mode: Topic['mode']; onChange: (mode: Topic['mode']) => void }) {
  return (
    <fieldset class="form-row choice-group">
      <legend>Mode</legend>
      <div class="choice-list">
        {MODES.map((m) => (
          <label key={m.mode} class="choice">
            <input type="radio" name="topic-mode" value={m.mode} checked={mode === m.mode} onChange={() => onChange(m.mode)} />
            <span>
              <strong>{m.label}</strong>: {m.help}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
