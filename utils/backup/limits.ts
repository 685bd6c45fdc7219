/** Bounds on what a backup may contain. A file past them is refused with a precise error, never half-read. */
export const BACKUP_LIMITS = {
  /** Checked on the text before JSON.parse runs. */
  maxBytes: 50 * 1024 * 1024,
  /** Errors reported in full; beyond this one summary line says how many more there were. */
  maxErrors: 50,
  maxWarnings: 50,
  /** Nesting anywhere in the document (a valid backup needs 5; topics and settings get room to grow). */
  maxDepth: 32,
  /** Elements plus properties inside `topics` and inside `settings`, each. */
  maxUnknownNodes: 100_000,
  saved: 100_000,
  hidden: 500_000,
  topics: 1_000,
  title: 2_000,
  abstract: 20_000,
  authors: 500,
  authorName: 500,
  organization: 500,
  tags: 100,
  tag: 100,
  keywords: 100,
  keyword: 100,
  note: 100_000,
  url: 2_048,
  topicName: 200,
} as const;
