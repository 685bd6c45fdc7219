/** A textarea of terms (or exclusions), one per line, with its help and inline problems. */
import type { ComponentChildren } from 'preact';
import type { RefusedEntry } from '../../../utils/topics-ui/draft-check';
import { describedBy, FieldMessages } from './FieldMessages';

export interface TermsFieldProps {
  id: string;
  label: string;
  help: ComponentChildren;
  value: string;
  rows: number;
  messages: string[];
  refused: RefusedEntry[];
  showProblems: boolean;
  onInput: (value: string) => void;
  onBlur: () => void;
}

export function TermsField({ id, label, help, value, rows, messages, refused, showProblems, onInput, onBlur }: TermsFieldProps) {
  const problems = showProblems && (messages.length > 0 || refused.length > 0);
  return (
    <div class="form-row">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={problems ? 'true' : undefined}
        aria-describedby={describedBy(`${id}-help`, problems && `${id}-errors`)}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={onBlur}
      />
      <p id={`${id}-help`} class="hint">
        {help}
      </p>
      {problems && <FieldMessages id={`${id}-errors`} messages={messages} refused={refused} />}
    </div>
  );
}
