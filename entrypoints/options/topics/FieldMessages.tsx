import type { RefusedEntry } from '../../../utils/topics-ui/draft-check';

/** The inline messages of one form field, referenced by the field's aria-describedby (hence the id). */
export function FieldMessages({ id, messages, refused = [] }: { id: string; messages: string[]; refused?: RefusedEntry[] }) {
  if (messages.length === 0 && refused.length === 0) return null;
  return (
    <div id={id} class="field-errors">
      {messages.map((m, i) => (
        <p key={`m${i}`} class="field-error">
          {m}
        </p>
      ))}
      {refused.length > 0 && (
        <ul class="refused-terms">
          {refused.map((r, i) => (
            <li key={`r${i}`} class="field-error">
              <code>{r.term}</code> is refused: {r.reason}.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** aria-describedby for a field: its help, plus its messages when shown. */
export const describedBy = (...ids: Array<string | false | null | undefined>): string | undefined => {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length > 0 ? list.join(' ') : undefined;
};
