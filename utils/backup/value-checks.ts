/**
 * Small composable checks for untrusted JSON values. Each returns the value (typed, freshly built for
 * records) or undefined after reporting why at the value's path. No check throws.
 */
import { childPath, type Problems } from './problems';

export type Check<T> = (value: unknown, path: string, problems: Problems) => T | undefined;

/** Keys that could reach Object.prototype when a record is later spread or assigned. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const typeName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

export function string(opts: { max: number; min?: number; pattern?: RegExp; patternHint?: string }): Check<string> {
  return (value, path, problems) => {
    if (typeof value !== 'string') return void problems.error(path, `must be a string, not ${typeName(value)}`);
    if (value.length > opts.max) return void problems.error(path, `is ${value.length} characters long; the limit is ${opts.max}`);
    if (opts.min !== undefined && value.length < opts.min) {
      return void problems.error(path, opts.min === 1 ? 'must not be empty' : `must be at least ${opts.min} characters long`);
    }
    if (opts.pattern && !opts.pattern.test(value)) return void problems.error(path, `must be ${opts.patternHint ?? `like ${opts.pattern}`}, not ${quote(value)}`);
    return value;
  };
}

export function number(opts: { min: number; max: number; integer?: boolean }): Check<number> {
  return (value, path, problems) => {
    if (typeof value !== 'number') return void problems.error(path, `must be a number, not ${typeName(value)}`);
    if (!Number.isFinite(value)) return void problems.error(path, 'must be a finite number');
    if (opts.integer && !Number.isInteger(value)) return void problems.error(path, `must be a whole number, not ${value}`);
    if (value < opts.min || value > opts.max) return void problems.error(path, `must be between ${opts.min} and ${opts.max}, not ${value}`);
    return value;
  };
}

export function oneOf<T extends string>(allowed: readonly T[]): Check<T> {
  return (value, path, problems) => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return void problems.error(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, not ${typeof value === 'string' ? quote(value) : typeName(value)}`);
  };
}

export function arrayOf<T>(item: Check<T>, opts: { max: number }): Check<T[]> {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return void problems.error(path, `must be an array, not ${typeName(value)}`);
    if (value.length > opts.max) return void problems.error(path, `has ${value.length} items; the limit is ${opts.max}`);
    const out: T[] = [];
    let ok = true;
    for (let i = 0; i < value.length; i++) {
      const checked = item(value[i], childPath(path, i), problems);
      if (checked === undefined) ok = false;
      else out.push(checked);
    }
    return ok ? out : undefined;
  };
}

/** https only, on one of `hosts` (or www.), no credentials, and already in canonical form (what URL would print). */
export function httpsUrl(hosts: readonly string[], max: number): Check<string> {
  return (value, path, problems) => {
    if (typeof value !== 'string') return void problems.error(path, `must be a URL string, not ${typeName(value)}`);
    if (value.length > max) return void problems.error(path, `is ${value.length} characters long; the limit is ${max}`);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return void problems.error(path, `is not a valid URL: ${quote(value)}`);
    }
    if (url.protocol !== 'https:') return void problems.error(path, `must be an https URL, not ${quote(url.protocol)}`);
    if (url.username !== '' || url.password !== '') return void problems.error(path, 'must not contain a user name or password');
    if (!hosts.includes(url.hostname.replace(/^www\./, ''))) {
      return void problems.error(path, `must point to ${hosts.join(' or ')}, not ${quote(url.hostname)}`);
    }
    if (url.href !== value) return void problems.error(path, `is not in canonical form (expected ${quote(url.href)})`);
    return value;
  };
}

export interface FieldSpec<T> {
  check: Check<T>;
  optional?: boolean;
}

/**
 * A record with exactly the fields of `spec`: missing required fields and unknown fields are errors (a
 * newer layout must bump the backup schema). The result is a fresh object holding only checked values.
 */
export function record<T extends object>(spec: { [K in keyof T]-?: FieldSpec<T[K]> }): Check<T> {
  const keys = Object.keys(spec) as Array<keyof T & string>;
  return (value, path, problems) => {
    if (!isPlainObject(value)) return void problems.error(path, `must be an object, not ${typeName(value)}`);
    let ok = true;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        ok = false; // reported once, by the document walk
      } else if (!Object.prototype.hasOwnProperty.call(spec, key)) {
        ok = false;
        problems.error(childPath(path, key), 'is not a known field');
      }
    }
    const out: Partial<T> = {};
    for (const key of keys) {
      const field = spec[key] as FieldSpec<unknown>;
      if (!Object.prototype.hasOwnProperty.call(value, key)) {
        if (!field.optional) {
          ok = false;
          problems.error(childPath(path, key), 'is missing');
        }
        continue;
      }
      const checked = field.check(value[key], childPath(path, key), problems);
      if (checked === undefined) ok = false;
      else out[key] = checked as T[typeof key];
    }
    return ok ? (out as T) : undefined;
  };
}

/** Any JSON value; its size and nesting are bounded by the document walk. */
export const anyJson: Check<unknown> = (value) => value;

export function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
