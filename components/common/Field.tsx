import type { ComponentChildren } from 'preact';

/**
 * A labelled control with an optional hint and error, wired for screen readers: the label names the control,
 * hint and error describe it. Pass the control's id; the control should set `aria-describedby={describedBy(id, …)}`.
 */
export function Field({ id, label, hint, error, children, class: cls }: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | null;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <div class={`ps-field${cls ? ` ${cls}` : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && <p id={`${id}-hint`} class="ps-hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="ps-error" role="alert">{error}</p>}
    </div>
  );
}

/** The ids `Field` gives its hint and error, for the control's aria-describedby. */
export function describedBy(id: string, parts: { hint?: boolean; error?: boolean }): string | undefined {
  const ids = [parts.hint && `${id}-hint`, parts.error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
