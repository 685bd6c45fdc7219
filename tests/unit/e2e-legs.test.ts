/// <reference types="node" />
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ONLY, SHARED } from '../e2e/harness/legs';

// Run from the project root (vitest's root), where tests/e2e lives.
const e2eFiles = () => readdirSync('tests/e2e').filter((f) => f.endsWith('.e2e.ts')).map((f) => `tests/e2e/${f}`).sort();

describe('e2e legs', () => {
  it('puts every e2e file in exactly one list: shared by both browsers, or Chromium-only with a reason', () => {
    const shared: readonly string[] = SHARED;
    const only = Object.keys(CHROMIUM_ONLY);
    expect(shared.filter((f) => only.includes(f))).toEqual([]);
    expect([...shared, ...only].sort()).toEqual(e2eFiles());
    for (const why of Object.values(CHROMIUM_ONLY)) expect(why.length).toBeGreaterThan(20);
  });
});
