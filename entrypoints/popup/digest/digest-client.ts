/** What the popup's "New for you" asks the background (one interface, so the view can be tested with a fake). */
import { sendToBackground } from '../../../utils/messaging/client';
import type { DigestView } from '../../../utils/messaging/protocol';
import type { NewPaper } from '../../../utils/digest/new-for-you';

export interface DigestClient {
  get(): Promise<DigestView>;
  check(): Promise<DigestView>;
  /** The same requests a card's Save and Hide send. */
  save(p: NewPaper): Promise<void>;
  hide(p: NewPaper): Promise<void>;
  markSeen(ids: string[]): Promise<void>;
}

const source = (p: NewPaper) => ({ url: `https://huggingface.co/papers/date/${p.day}`, kind: 'daily' as const });

export const browserDigestClient: DigestClient = {
  get: () => sendToBackground({ type: 'digest/get' }),
  check: () => sendToBackground({ type: 'digest/check' }),
  save: async (p) => void (await sendToBackground({ type: 'library/save', paper: p.info, source: source(p) })),
  hide: async (p) => void (await sendToBackground({ type: 'hidden/hide', id: p.id, title: p.title, reason: 'manual', source: source(p) })),
  markSeen: async (ids) => void (await sendToBackground({ type: 'seen/mark', ids })),
};
