import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorQuote, describeQuote } from './anchoring.ts';

// A highlight whose words were edited is found again by the fuzzy search, which matches
// characters, not words; what the reader sees highlighted must still be whole words.

/** Highlights `exact` in `text`, replaces `from` with `to`, and returns the words highlighted now. */
function reanchored(text: string, exact: string, from: string, to: string): string | null {
  const start = text.indexOf(exact);
  assert.ok(start >= 0, `“${exact}” is in the text`);
  const quote = describeQuote(text, start, start + exact.length);
  const edited = text.replace(from, to);
  assert.notEqual(edited, text, `“${from}” is in the text`);
  const anchor = anchorQuote(edited, quote);
  return anchor ? edited.slice(anchor.start, anchor.end) : null;
}

test('an edited English quote is highlighted on whole words, not cut inside the edited word', () => {
  assert.equal(reanchored('commodo cites', 'commodo cites', 'cites', 'vitae'), 'commodo vitae');
  assert.equal(reanchored('Sed commodo cites', 'commodo cites', 'cites', 'vitae'), 'commodo vitae');
  assert.equal(reanchored('Sed commodo cites tellus', 'commodo cites', 'cites', 'vitae'), 'commodo vitae');
  assert.equal(reanchored('Sed commodo cites', 'commodo cites', 'cites', 'vitaeque'), 'commodo vitaeque');
});

test('an edited Russian quote is highlighted on the whole Cyrillic word', () => {
  const text = 'Добыча редкоземельных металлов выросла на 5%';
  assert.equal(reanchored(text, 'редкоземельных металлов', 'металлов', 'металлоидов'), 'редкоземельных металлоидов');
  assert.equal(
    reanchored('В 2025 году добыча редкоземельных металлов', 'добыча редкоземельных металлов', 'металлов', 'металлоидов'),
    'добыча редкоземельных металлоидов',
  );
});

test('an edited Chinese quote stays exact to the character: Chinese has no spaces to snap to', () => {
  const text = '俄总理返回莫斯科后,普京下令了:即日起,减少对中国的依赖';
  // "中华" is one word to a word breaker; the highlight still ends on the character that matched.
  assert.equal(reanchored(text, '即日起,减少对中国', '中国', '中华人民共和国'), '即日起,减少对中');
});

test('an exact match is never changed, even where it now runs on into a longer word', () => {
  // Its old context is gone, so the search goes past the exact shortcut; the exact copy still wins, as it is.
  assert.equal(reanchored('Sed commodo vitae. Nulla.', 'commodo vitae', 'Sed commodo vitae.', 'Intro commodo vitaeque'), 'commodo vitae');
});

test('an edited quote that already sits on word boundaries is unchanged', () => {
  const text = 'Russia holds about 28 million tons of rare earth reserves but has extracted only 2% of them.';
  assert.equal(reanchored(text, '28 million tons of rare earth reserves', '28', '29'), '29 million tons of rare earth reserves');
  assert.equal(reanchored(text, 'Russia holds about 28 million', 'holds', 'has'), 'Russia has about 28 million');
});

test('an end where the highlight itself cut a word keeps its cut', () => {
  // The reader chose "ommodo cit…": part of words on purpose, so nothing is widened at those ends.
  const text = 'Sed commodo cites tellus';
  const anchored = reanchored(text, 'ommodo cit', 'commodo', 'comodo');
  assert.equal(anchored, 'omodo cit');
});
