import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moveCaret, nextWordEnd, previousWordStart, selectedRange, type Caret, type CaretKey } from '../renderer/src/lib/caret.ts';

// The keyboard caret that selects words in a claim (Enter on a focused claim): arrows by
// character, Ctrl or Alt by word, Shift keeps the anchor. What a user selecting "rare earth
// reserves" without a mouse relies on.

const key = (name: string, mods: Partial<CaretKey> = {}): CaretKey => ({
  key: name,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

function run(text: string, keys: CaretKey[], from: Caret = { anchor: 0, focus: 0 }): string {
  let caret = from;
  for (const press of keys) caret = moveCaret(text, caret, press) ?? caret;
  const { start, end } = selectedRange(caret);
  return text.slice(start, end);
}

const claim = 'Russia possesses substantial rare earth reserves of 28 million tons, ranking fifth globally';

test('Ctrl+→ goes to the end of each word and Ctrl+Shift+→ selects whole words', () => {
  const toRare = [
    key('ArrowRight', { ctrlKey: true }),
    key('ArrowRight', { ctrlKey: true }),
    key('ArrowRight', { ctrlKey: true }),
    key('ArrowRight'),
  ];
  const select = Array.from({ length: 3 }, () => key('ArrowRight', { ctrlKey: true, shiftKey: true }));
  assert.equal(run(claim, [...toRare, ...select]), 'rare earth reserves');
  // Alt is the word key on macOS.
  assert.equal(
    run(claim, [...toRare, ...Array.from({ length: 3 }, () => key('ArrowRight', { altKey: true, shiftKey: true }))]),
    'rare earth reserves',
  );
});

test('Shift+← shrinks a selection back by characters, and a plain arrow collapses it', () => {
  const end = claim.length;
  assert.equal(run(claim, [key('ArrowLeft', { shiftKey: true }), key('ArrowLeft', { shiftKey: true })], { anchor: end, focus: end }), 'ly');
  assert.equal(run(claim, [key('ArrowLeft', { shiftKey: true }), key('ArrowLeft')], { anchor: end, focus: end }), '');
});

test('Home and End go to the ends; Shift+End selects to the end; other keys are not caret keys', () => {
  assert.equal(run(claim, [key('ArrowRight', { ctrlKey: true }), key('End', { shiftKey: true })]), claim.slice('Russia'.length));
  assert.equal(moveCaret(claim, { anchor: 0, focus: 0 }, key('a')), null);
  assert.deepEqual(moveCaret(claim, { anchor: 5, focus: 5 }, key('Home')), { anchor: 0, focus: 0 });
});

test('words in Russian are whole words; punctuation is skipped like spaces', () => {
  const russian = 'Россия обладает запасами редкоземельных металлов';
  assert.equal(nextWordEnd(russian, 0), 'Россия'.length);
  assert.equal(previousWordStart(russian, russian.length), russian.indexOf('металлов'));
  const at = russian.indexOf('редкоземельных');
  assert.equal(run(russian, [key('ArrowRight', { ctrlKey: true, shiftKey: true })], { anchor: at, focus: at }), 'редкоземельных');
  assert.equal(nextWordEnd('28 million tons, ranking', '28 million tons'.length), '28 million tons, ranking'.length);
});

test('the caret never stops inside a character written with two UTF-16 units', () => {
  const text = 'a𝟘b';
  const after = moveCaret(text, { anchor: 1, focus: 1 }, key('ArrowRight'));
  assert.equal(after?.focus, 3);
  const back = moveCaret(text, { anchor: 3, focus: 3 }, key('ArrowLeft'));
  assert.equal(back?.focus, 1);
});
