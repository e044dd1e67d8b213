import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ANCHOR_WORK_LIMIT, anchorQuote, describeQuote, fuzzyWindow } from './anchoring.ts';

const claim = 'Russia holds about 28 million tons of rare earth reserves but has extracted only 2% of them.';
const quoted = (text: string, exact: string) => {
  const start = text.indexOf(exact);
  return describeQuote(text, start, start + exact.length);
};
const textAt = (text: string, anchor: { start: number; end: number } | null) => (anchor ? text.slice(anchor.start, anchor.end) : null);

test('an unchanged text anchors where the highlight was made', () => {
  const quote = quoted(claim, '28 million tons');
  assert.equal(textAt(claim, anchorQuote(claim, quote)), '28 million tons');
});

test('text inserted before the highlight moves it with its words', () => {
  const quote = quoted(claim, 'extracted only 2%');
  const edited = 'According to the ministry, ' + claim;
  assert.equal(textAt(edited, anchorQuote(edited, quote)), 'extracted only 2%');
});

test('a small correction inside the quote still anchors, on the corrected words', () => {
  const quote = quoted(claim, '28 million tons of rare earth reserves');
  const edited = claim.replace('28 million tons', '29 million tons');
  assert.equal(textAt(edited, anchorQuote(edited, quote)), '29 million tons of rare earth reserves');
});

test('when the quoted words are gone the highlight is orphaned, not moved elsewhere', () => {
  const quote = quoted(claim, 'extracted only 2% of them');
  const edited = 'Russia holds about 28 million tons of rare earth reserves.';
  assert.equal(anchorQuote(edited, quote), null);
});

test('of two identical passages, the one with the same context wins', () => {
  const text = 'Output rose 5% in 2024. Imports rose 5% in 2025.';
  const quote = describeQuote(text, text.lastIndexOf('rose 5%'), text.lastIndexOf('rose 5%') + 'rose 5%'.length);
  const edited = 'Overall, output rose 5% in 2024. Imports rose 5% in 2025.';
  const anchor = anchorQuote(edited, quote)!;
  assert.equal(anchor.start, edited.lastIndexOf('rose 5%'));
});

test('Chinese and Russian quotes re-anchor after an edit elsewhere', () => {
  for (const [text, exact] of [
    ['俄总理返回莫斯科后,普京下令了:即日起,减少对中国的依赖', '减少对中国的依赖'],
    ['Добыча редкоземельных металлов выросла на 5%', 'редкоземельных металлов'],
  ] as const) {
    const quote = quoted(text, exact);
    const edited = '新闻: ' + text;
    assert.equal(textAt(edited, anchorQuote(edited, quote)), exact);
  }
});

test('property: an anchor is always inside the text, and unchanged text always anchors in place', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.nat(), fc.nat(), fc.string({ maxLength: 40 }), (text, a, b, insert) => {
      const start = a % text.length;
      const end = start + 1 + (b % (text.length - start));
      const quote = describeQuote(text, start, end);
      assert.deepEqual(anchorQuote(text, quote), { start, end });
      const edited = insert + text;
      const anchor = anchorQuote(edited, quote);
      if (anchor) assert.ok(anchor.start >= 0 && anchor.end <= edited.length && anchor.start <= anchor.end);
    }),
    { numRuns: 300 },
  );
});

test('anchoring is bounded: the fuzzy search reads at most the work limit, around where the quote was', () => {
  fc.assert(
    fc.property(fc.nat(2_000_000), fc.integer({ min: 1, max: 20_000 }), fc.nat(2_000_000), (textLength, quoteLength, oldStart) => {
      const { from, to } = fuzzyWindow(textLength, quoteLength, oldStart);
      assert.ok(from >= 0 && to <= textLength && from <= to);
      const work = (to - from) * Math.ceil(quoteLength / 32);
      assert.ok(work <= ANCHOR_WORK_LIMIT || to - from <= Math.ceil(quoteLength * 1.5), `reads ${to - from} characters`);
      if (textLength * Math.ceil(quoteLength / 32) <= ANCHOR_WORK_LIMIT) assert.deepEqual({ from, to }, { from: 0, to: textLength });
      else if (oldStart + quoteLength <= textLength && to - from >= quoteLength)
        assert.ok(from <= oldStart && oldStart + quoteLength <= to, 'the old place is read');
    }),
    { numRuns: 500 },
  );
});

test('a long claim of repetitive text with 200 long highlights: each is found again after the words before it change', () => {
  const unit = 'rare earth supply chain ';
  const text = unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
  const quotes = Array.from({ length: 200 }, (_, i) => describeQuote(text, 50 * i, 50 * i + 1_000));
  const edited = `Revised: ${text}`;
  for (const quote of quotes) assert.equal(textAt(edited, anchorQuote(edited, quote)), quote.exact);
});

test('an edited quote far from a different exact copy is found where it was, in its context', () => {
  const text = 'Reserves of 28 million tons were confirmed in 2024. Elsewhere, reserves of 28 million tons are disputed.';
  const quote = quoted(text, 'Reserves of 28 million tons were confirmed');
  const edited = text.replace('Reserves of 28 million tons were confirmed', 'Reserves of 29 million tons were confirmed');
  assert.equal(textAt(edited, anchorQuote(edited, quote)), 'Reserves of 29 million tons were confirmed');
});

test('a short quote repeated many times is found again on its own occurrence, by its context', () => {
  const text = Array.from({ length: 80 }, (_, i) => `item ${i} has rate ${i * 3}.`).join(' ');
  const start = text.indexOf('rate', text.indexOf('item 70 '));
  const quote = describeQuote(text, start, start + 'rate'.length);
  const edited = `Intro. ${text}`;
  const anchor = anchorQuote(edited, quote)!;
  assert.equal(anchor.start, edited.indexOf('rate', edited.indexOf('item 70 ')));
});
