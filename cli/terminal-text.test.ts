import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOSTILE_TEXT, UNSAFE_FOR_TERMINAL } from '../db/test-support/index.ts';
import { terminalJson, terminalText } from './terminal-text.ts';

test('terminalText shows escapes, controls, bidi and invisible formatting as visible text, on one line', () => {
  assert.equal(terminalText('\x1b]0;pwned\x07'), '\\x1b]0;pwned\\x07');
  assert.equal(terminalText('a\x1b[2Kb'), 'a\\x1b[2Kb');
  assert.equal(terminalText('one\r\ntwo\tthree'), 'one\\r\\ntwo\\tthree');
  assert.equal(terminalText('x\u009b2Jy\u0085'), 'x\\u009b2Jy\\u0085');
  assert.equal(terminalText('file\u202egnp.exe \u2066x\u2069'), 'file\\u202egnp.exe \\u2066x\\u2069');
  assert.equal(terminalText('zero\u200bwidth\ufeff soft\u00adhyphen \u2028'), 'zero\\u200bwidth\\ufeff soft\\u00adhyphen \\u2028');
  assert.equal(terminalText('tag\u{e0041}'), 'tag\\u{e0041}');
  assert.equal(terminalText('nul\x00del\x7fbs\x08'), 'nul\\x00del\\x7fbs\\x08');
  const shown = terminalText(HOSTILE_TEXT);
  assert.doesNotMatch(shown, UNSAFE_FOR_TERMINAL);
  assert.doesNotMatch(shown, /\n/);
});

test('terminalText leaves ordinary text of every script alone', () => {
  for (const text of [
    'Rare earths: 2.5% of reserves',
    '俄总理返回莫斯科后,普京下令了',
    'Добыча редкоземельных металлов',
    'עברית ועربية',
    'C:\\Briefs\\mine.sqlite',
    'émigré 👩\u200d🔬',
    'می\u200cخواهم',
  ])
    assert.equal(terminalText(text), text, 'joiners that scripts and emoji need stay');
  assert.equal(terminalText(null), '');
  assert.equal(terminalText(undefined), '');
  assert.equal(terminalText(42), '42');
});

test('terminalText cuts a very long value and says how much it left out', () => {
  const shown = terminalText('a'.repeat(1_000_000), { maxLength: 100 });
  assert.equal(shown, `${'a'.repeat(100)}… (999900 more characters)`);
  // A cut never splits a character or an escape.
  assert.equal(terminalText('\x1b'.repeat(5), { maxLength: 2 }), '\\x1b\\x1b… (3 more characters)');
  assert.equal(terminalText('😀😀😀', { maxLength: 2 }), '😀😀… (1 more characters)');
});

test('terminalJson is the same JSON, with C1, bidi and invisible characters escaped', () => {
  const value = { title: HOSTILE_TEXT, nested: [HOSTILE_TEXT], tag: 'x\u{e0041}' };
  const json = terminalJson(value);
  assert.doesNotMatch(json, UNSAFE_FOR_TERMINAL);
  assert.deepEqual(JSON.parse(json), value);
  assert.equal(terminalJson({ a: 1 }), '{\n  "a": 1\n}');
});
