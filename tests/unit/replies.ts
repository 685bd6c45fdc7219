/** Test helpers for the background's replies: unwrap an expected success or an expected error, and send a request. */
import { handleRequest } from '../../entrypoints/background/handlers';
import type { BackgroundRequest, BackgroundResponses, Reply } from '../../utils/messaging/protocol';

export function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok reply, got error: ${reply.error}`);
  return reply.value;
}

export function error(reply: Reply<unknown>): string {
  if (reply.ok) throw new Error(`expected an error, got ${JSON.stringify(reply.value)}`);
  return reply.error;
}

/** Calls the background's handler directly (the fake runtime ignores a listener's Promise). */
export function send<T extends BackgroundRequest['type']>(req: Extract<BackgroundRequest, { type: T }>): Promise<Reply<BackgroundResponses[T]>>;
export function send(req: unknown): Promise<Reply<unknown>>;
export function send(req: unknown) {
  return handleRequest(req);
}
