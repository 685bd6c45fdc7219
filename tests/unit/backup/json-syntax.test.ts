import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../utils/backup/json-syntax';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":}', 1, 6, "unexpected '}' where a value should be", false],
    ['{"a":1,}', 1, 8, "trailing comma before '}'", false],
    ['[1,]', 1, 4, "trailing comma before ']'", false],
    ['{a:1}', 1, 2, "expected a property name in double quotes, found 'a'", false],
    ['{"a" 1}', 1, 6, "expected ':' after a property name, found '1'", false],
    ['{\n  "x": 1,\n  "y": 2\n  "z": 3}', 4, 3, 'expected \',\' or \'}\' after a property value, found \'"\'', false],
    ['{"a":"b\nc"}', 1, 8, 'line break or control character inside a string (unclosed quote?)', false],
    ['"a\\x"', 1, 3, 'invalid escape "\\x" in a string', false],
    ['01', 1, 2, 'invalid number', false],
    ['{"a":1}x', 1, 8, "unexpected 'x' after the end of the JSON value", false],
    ['{"a":1', 1, 7, 'the text ends inside an unfinished object', true],
    ['[1,\n2', 2, 2, 'the text ends inside an unfinished array', true],
    ['{"a":"abc', 1, 10, 'the text ends inside a string', true],
    ['[tru', 1, 5, 'the text ends inside "true"', true],
    ['[-', 1, 3, 'the text ends inside a number', true],
  ])('%j → line %i, column %i: %s', (text, line, column, message, truncated) => {
    expect(parses(text)).toBe(false);
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, message, truncated });
  });

  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', '[]', '0', '-0.5e+3', '"\\u00e9\\n"', ' {"a": [true, false, null, {"b": []}]} \n']) {
      expect(findJsonSyntaxError(text)).toBeUndefined();
    }
  });

  it('agrees with JSON.parse on random and randomly cut text', () => {
    const chars = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '1', '0', '-', '.', 'e', 't', 'r', 'u', 'n', 'l', 'a', ' ', '\n');
    const text = fc.oneof(fc.json(), fc.string({ unit: chars, maxLength: 30 }));
    fc.assert(
      fc.property(text, fc.nat(), fc.boolean(), (t, cut, doCut) => {
        const input = doCut ? t.slice(0, cut % (t.length + 1)) : t;
        expect(findJsonSyntaxError(input) === undefined).toBe(parses(input));
      }),
      { numRuns: 5000 },
    );
  });

  it('handles 200,000 levels of nesting without recursion', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(findJsonSyntaxError(deep)).toMatchObject({ truncated: true, message: 'the text ends inside an unfinished array' });
  });
});
