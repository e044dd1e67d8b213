import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorQuote, describeQuote } from './anchoring.ts';

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
