import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchorQuote, describeQuote } from '../../common/anchoring.ts';
import { AnchorCache } from './anchor-cache.ts';

// Reads of a brief re-anchor only what changed: a claim whose words are the same, and a highlight
// of the same revision, are not anchored again (the cost that froze the main process on every read).
const row = (id: string, rev: string, text: string, exact: string) => {
  const start = text.indexOf(exact);
  const quote = describeQuote(text, start, start + exact.length);
  return {
    id,
    rev,
    quote_exact: quote.exact,
    quote_prefix: quote.prefix,
    quote_suffix: quote.suffix,
    position_start: start,
    position_end: quote.end,
  };
};

test('a highlight is anchored once per text of its claim and revision of its own', () => {
  let calls = 0;
  const cache = new AnchorCache((text, quote) => (calls++, anchorQuote(text, quote)));
  const text = 'Russia holds 28 million tons of rare earth reserves.';
  const highlights = [row('h1', 'r1', text, '28 million tons'), row('h2', 'r1', text, 'rare earth')];
  for (let read = 0; read < 5; read++) for (const h of highlights) cache.anchor('claim-1', text, h);
  assert.equal(calls, 2, 'five reads, two anchorings');

  const edited = `According to the ministry, ${text}`;
  const moved = cache.anchor('claim-1', edited, highlights[0]!);
  assert.equal(edited.slice(moved!.start, moved!.end), '28 million tons', 'a changed text is anchored afresh');
  cache.anchor('claim-1', edited, highlights[1]!);
  cache.anchor('claim-1', edited, highlights[1]!);
  assert.equal(calls, 4);

  cache.anchor('claim-1', edited, { ...highlights[1]!, rev: 'r2' });
  assert.equal(calls, 5, 'a new revision of the highlight is anchored afresh');
  assert.equal(cache.anchor('claim-2', undefined, highlights[0]!), null, 'a highlight on a deleted claim is orphaned');
});
