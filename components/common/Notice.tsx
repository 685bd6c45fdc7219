import type { ComponentChildren } from 'preact';

/** A message block: errors are alerts (announced at once), the rest are polite status messages. */
export function Notice({ kind, children, class: cls }: { kind: 'error' | 'warn' | 'ok' | 'info'; children: ComponentChildren; class?: string }) {
  return (
    <div class={`ps-notice ps-notice-${kind}${cls ? ` ${cls}` : ''}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
