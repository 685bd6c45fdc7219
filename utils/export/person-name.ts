/**
 * Split a display name ("Jean-Luc van der Berg") into citation parts. The papers pages give full names in
 * "Given Family" order (or an HF handle), so the last word is the family name, lowercase particles before it
 * belong to it, and a trailing "Jr."/"III" is a suffix. Anything we cannot split safely stays one literal name.
 */
import { toSingleLine } from './text';

export type PersonName =
  | { kind: 'person'; given: string; family: string; particle?: string; suffix?: string }
  | { kind: 'literal'; literal: string };

const PARTICLES = new Set([
  'al', 'bin', 'da', 'dal', 'de', 'del', 'della', 'der', 'des', 'di', 'do', 'dos', 'du', 'el', 'la', 'le',
  'st.', 'ten', 'ter', 'van', 'von', 'zu',
]);
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;

export function splitPersonName(name: string): PersonName | undefined {
  const clean = toSingleLine(name);
  if (clean === '') return undefined;
  const words = clean.split(' ');
  // A comma would be read as "Family, Given" by every citation format: keep such names whole.
  if (words.length < 2 || clean.includes(',')) return { kind: 'literal', literal: clean };
  const suffix = words.length >= 3 && SUFFIX.test(words[words.length - 1]!) ? words.pop() : undefined;
  const family = words.pop()!;
  const particles: string[] = [];
  while (words.length > 1 && PARTICLES.has(words[words.length - 1]!)) particles.unshift(words.pop()!);
  return {
    kind: 'person',
    given: words.join(' '),
    family,
    ...(particles.length ? { particle: particles.join(' ') } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

/** "van der Berg", the family name with its particle, for keys and "Family, Given" forms. */
export function fullFamilyName(name: PersonName): string {
  if (name.kind === 'literal') return name.literal;
  return name.particle ? `${name.particle} ${name.family}` : name.family;
}
