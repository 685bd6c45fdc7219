/**
 * The shape of the reader's preferences, their defaults, and checks. Pure: no browser API (the message
 * validator uses it); the stored item itself lives in prefs.ts.
 */
import { DEFAULT_DIGEST_EVERY, DIGEST_EVERY_CHOICES, type DigestEvery } from '../digest/schedule';

export interface Prefs {
  /** Show the summary bar (counts and view switches) above the list on the papers pages. */
  showToolbar: boolean;
  /** A card matching both a highlighted and a muted topic: highlight wins unless the reader says otherwise. */
  precedence: 'highlight-wins' | 'mute-wins';
  /** Keyboard shortcuts on the papers pages. */
  keyboard: boolean;
  /** j/k pass over papers the reader had seen on an earlier visit (seen state never hides anything). */
  keyboardSkipSeen: boolean;
  highlightStyle: 'accent' | 'subtle';
  /** A hidden card leaves a placeholder (a visible, reversible trace) or is removed from the page. */
  hideStyle: 'placeholder' | 'remove';
  /** Keep topics in `storage.sync` (roams across the reader's browsers) or in this browser only. */
  topicSync: boolean;
  /** How often the background checks the new Daily Papers for the toolbar digest (utils/digest/schedule.ts). */
  digestEvery: DigestEvery;
  /** A notification (at most one a day) when the digest finds new papers for the reader's topics. */
  digestNotify: boolean;
}

export const DEFAULT_PREFS: Readonly<Prefs> = Object.freeze({
  showToolbar: true,
  precedence: 'highlight-wins',
  keyboard: true,
  keyboardSkipSeen: false,
  highlightStyle: 'accent',
  hideStyle: 'placeholder',
  topicSync: true,
  digestEvery: DEFAULT_DIGEST_EVERY,
  digestNotify: false,
});

/** A valid value for one preference, and how to say what is expected in an error message. */
export interface PrefCheck {
  test: (v: unknown) => boolean;
  what: string;
}

const bool: PrefCheck = { test: (v) => typeof v === 'boolean', what: 'true or false' };
const oneOf = (...values: string[]): PrefCheck => ({
  test: (v) => typeof v === 'string' && values.includes(v),
  what: values.map((x) => `"${x}"`).join(' or '),
});

export const PREF_CHECKS: { readonly [K in keyof Prefs]: PrefCheck } = {
  showToolbar: bool,
  precedence: oneOf('highlight-wins', 'mute-wins'),
  keyboard: bool,
  keyboardSkipSeen: bool,
  highlightStyle: oneOf('accent', 'subtle'),
  hideStyle: oneOf('placeholder', 'remove'),
  topicSync: bool,
  digestEvery: oneOf(...DIGEST_EVERY_CHOICES),
  digestNotify: bool,
};

export const PREF_KEYS = Object.keys(PREF_CHECKS) as ReadonlyArray<keyof Prefs>;

export const isPrefKey = (k: string): k is keyof Prefs => (PREF_KEYS as readonly string[]).includes(k);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stored prefs as a complete `Prefs`: missing or mistyped keys get their default, unknown keys are dropped. */
export function normalizePrefs(raw: unknown): Prefs {
  const out: Record<string, unknown> = { ...DEFAULT_PREFS };
  if (isObject(raw)) for (const k of PREF_KEYS) if (PREF_CHECKS[k].test(raw[k])) out[k] = raw[k];
  return out as unknown as Prefs;
}
