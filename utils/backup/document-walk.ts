/**
 * One pass over a parsed backup before its shape is checked: refuses keys that could reach
 * Object.prototype, nesting deeper than BACKUP_LIMITS.maxDepth, and oversized `topics` / `settings` (whose
 * shape belongs to other features). Iterative, so a hostile nesting depth cannot overflow the stack.
 */
import { BACKUP_LIMITS } from './limits';
import { childPath, type Problems } from './problems';
import { FORBIDDEN_KEYS } from './value-checks';

interface Frame {
  value: unknown;
  depth: number;
  parent?: Frame;
  key?: string | number;
  budget?: Budget;
}

interface Budget {
  root: Frame;
  left: number;
  exhausted: boolean;
}

const BUDGETED_KEYS = new Set(['topics', 'settings']);

function pathOf(frame: Frame): string {
  const keys: Array<string | number> = [];
  for (let f: Frame | undefined = frame; f && f.key !== undefined; f = f.parent) keys.push(f.key);
  return keys.reverse().reduce<string>((path, key) => childPath(path, key), '');
}

export function walkDocument(root: unknown, problems: Problems): void {
  const stack: Frame[] = [{ value: root, depth: 1 }];
  let depthReported = false;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, budget } = frame;
    if (budget) {
      if (budget.exhausted) continue;
      if (--budget.left < 0) {
        budget.exhausted = true;
        problems.error(pathOf(budget.root), `is too large: more than ${BACKUP_LIMITS.maxUnknownNodes} values`);
        continue;
      }
    }
    if (typeof value !== 'object' || value === null) continue;
    if (frame.depth >= BACKUP_LIMITS.maxDepth) {
      if (!depthReported) problems.error(pathOf(frame), `is nested more than ${BACKUP_LIMITS.maxDepth} levels deep`);
      depthReported = true;
      continue;
    }
    const children: Frame[] = [];
    const add = (key: string | number, child: unknown) => {
      const next: Frame = { value: child, depth: frame.depth + 1, parent: frame, key, budget };
      if (frame.depth === 1 && typeof key === 'string' && BUDGETED_KEYS.has(key)) {
        next.budget = { root: next, left: BACKUP_LIMITS.maxUnknownNodes + 1, exhausted: false };
      }
      children.push(next);
    };
    if (Array.isArray(value)) {
      value.forEach((child, i) => add(i, child));
    } else {
      for (const [key, child] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(key)) problems.error(childPath(pathOf(frame), key), `"${key}" is not allowed as a key`);
        else add(key, child);
      }
    }
    // Reverse so the stack visits children in document order and errors come out in reading order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
