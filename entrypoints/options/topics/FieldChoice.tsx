/** Which paper fields a topic searches: one checkbox each, all by default. */
import { FIELD_LABELS } from '../../../utils/topics-ui/labels';
import { ALL_TOPIC_FIELDS, type TopicField } from '../../../utils/topics/types';
import { FieldMessages } from './FieldMessages';

export function FieldChoice({ fields, messages, onChange }: {
  fields: readonly TopicField[];
  messages: string[];
  onChange: (fields: TopicField[]) => void;
}) {
  const toggle = (f: TopicField, on: boolean) => onChange(ALL_TOPIC_FIELDS.filter((x) => (x === f ? on : fields.includes(x))));
  return (
    <fieldset class="form-row choice-group" aria-describedby={messages.length > 0 ? 'topic-fields-errors' : undefined}>
      <legend>Search in</legend>
      <div class="choice-list">
        {ALL_TOPIC_FIELDS.map((f) => (
          <label key={f} class="choice">
            <input type="checkbox" checked={fields.includes(f)} onChange={(e) => toggle(f, e.currentTarget.checked)} />
            {FIELD_LABELS[f]}
          </label>
        ))}
      </div>
      <FieldMessages id="topic-fields-errors" messages={messages} />
    </fieldset>
  );
}
