import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEstimativeLanguage } from './estimative.ts';

// The estimative-language hints an analyst sees under the bottom line, a key judgment or an assessment.

test('likelihood words off the scale are named, with the scale’s term to use instead', () => {
  const hints = checkEstimativeLanguage('Russia will probably miss its 2030 target, and output might fall. Perhaps India helps.');
  assert.deepEqual(
    hints.map((h) => h.words),
    ['probably', 'might', 'Perhaps'],
  );
  assert.match(hints[0]!.message, /not on the brief’s likelihood scale: use “likely”/);
  const text = 'Russia will probably miss';
  const [hint] = checkEstimativeLanguage(text);
  assert.equal(text.slice(hint!.start, hint!.end), 'probably');
  assert.match(checkEstimativeLanguage('It is highly likely to slip.')[0]!.message, /“very likely”/);
});

test('a sentence with a likelihood and a confidence is flagged once; apart in two sentences they are fine', () => {
  const mixed = checkEstimativeLanguage('We assess with high confidence that output is likely to stay below 2%.');
  assert.equal(mixed.length, 1);
  assert.match(mixed[0]!.message, /both a likelihood \(“likely”\) and a confidence \(“high confidence”\)/);
  assert.equal(mixed[0]!.words, 'high confidence that output is likely');
  assert.deepEqual(checkEstimativeLanguage('Output is likely to stay below 2.5% of world supply. Our confidence is moderate.'), []);
});

test('the scale’s own terms, the month of May and plain statements pass without a hint', () => {
  assert.deepEqual(checkEstimativeLanguage('Output is very likely to grow; a deal with India is unlikely before May 2026.'), []);
  assert.deepEqual(checkEstimativeLanguage('Russia holds 28 million tons of reserves.'), []);
  assert.deepEqual(checkEstimativeLanguage(''), []);
});

test('control characters and a very long text are checked without error: the first 20,000 characters, every sentence once', () => {
  const sentence = 'Output likely grows with high confidence. \u0000\u0007 ';
  const hints = checkEstimativeLanguage(sentence.repeat(20_000));
  assert.equal(hints.length, Math.floor(20_000 / sentence.length));
  // A long run before a full stop inside a number (a hostile file's bottom line) is read in one pass.
  assert.deepEqual(checkEstimativeLanguage(`${'a'.repeat(8_000_000)}.5`), []);
});
