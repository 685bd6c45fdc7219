/** The reason an operation failed, as text for "Could not <what>: <reason>". */
export function reasonOf(e: unknown): string {
  // DOMExceptions such as QuotaExceededError may carry an empty message; their name still says what happened.
  if (e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException))
    return e.message || e.name;
  return String(e);
}
