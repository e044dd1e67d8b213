import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Marked } from 'marked';
import { boundNesting, MAX_NESTING } from '../renderer/src/lib/markdown-bounds.ts';

// A note is rendered by marked in the page; nesting deep enough overflows its recursive parser and
// the Notes panel failed. The page bounds nesting first; these run the same marked under Node.
const markdown = new Marked({ gfm: true, breaks: true, async: false });
const depth = (html: string, tag: string) => (html.match(new RegExp(`<${tag}>`, 'g')) ?? []).length;

test('5,000 nested quote markers render as twelve quotes and the rest as text, where the raw note overflows the parser', () => {
  const note = `${'>'.repeat(5_000)} deep thought`;
  assert.throws(() => markdown.parse(note), RangeError, 'without the bound, the parser overflows its stack');
  const html = markdown.parse(boundNesting(note)) as string;
  assert.equal(depth(html, 'blockquote'), MAX_NESTING);
  assert.match(html, /deep thought/);
});

test('lists indented beyond the bound read as text; ordinary notes are unchanged', () => {
  const deep = Array.from({ length: 3_000 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');
  const html = markdown.parse(boundNesting(deep)) as string;
  assert.match(html, /level 2999/);
  const inline = `${'- '.repeat(5_000)}deep item`;
  assert.throws(() => markdown.parse(inline), RangeError, 'list markers in a row overflow the parser too');
  assert.match(markdown.parse(boundNesting(inline)) as string, /deep item/);
  const ordinary = '# Heading\n\n> quoted\n> > twice\n\n- one\n  - two\n\n1. first\r\n2. second';
  assert.equal(boundNesting(ordinary), ordinary);
});
