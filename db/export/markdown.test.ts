import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { marked, type Token, type Tokens } from 'marked';
import { openWorkspace } from '../seed/index.ts';
import { tempDir } from '../test-support/index.ts';
import type { ExportDocument } from '../../common/export-document.ts';
import { composeExport, defaultExportOptions } from './compose.ts';
import { toMarkdown } from './markdown.ts';

/** All plain text of a Markdown token tree, as a reader of the rendered page would see it. */
function textOf(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if ('tokens' in token && token.tokens) return textOf(token.tokens);
      if (token.type === 'escape' || token.type === 'text' || token.type === 'codespan') return (token as Tokens.Text).text;
      return 'raw' in token && token.type !== 'space' ? token.raw : '';
    })
    .join('');
}

/** Puts `text` in the first claim, as a stretch of plain text or (`highlighted`) half of it under a highlight with a comment. */
function setClaimText(doc: ExportDocument, text: string, highlighted = false) {
  const claim = doc.sections[0]!.claims[0]!;
  claim.text = text;
  const cut = Math.floor(text.length / 2);
  claim.runs = highlighted
    ? [
        { text: text.slice(0, cut), colours: [], notes: [] },
        { text: text.slice(cut), colours: ['yellow'], notes: [1] },
      ]
    : [{ text, colours: [], notes: [] }];
}

function seedDocument(t: Parameters<typeof tempDir>[0]) {
  const workspace = openWorkspace(join(tempDir(t), 'w.sqlite'), 'me');
  t.after(() => workspace.close());
  const brief = workspace.briefs.getBrief()!;
  return {
    brief,
    doc: composeExport(brief, { ...defaultExportOptions(brief.title, 'A. Analyst', '2026-11-28'), marking: 'OFFICIAL-SENSITIVE' }),
  };
}

test('the Markdown round-trips: parsed back, it holds every theme, every claim with its citations, and every indicator', (t) => {
  const { brief, doc } = seedDocument(t);
  const tokens = marked.lexer(toMarkdown(doc));
  const headings = tokens.filter((tok): tok is Tokens.Heading => tok.type === 'heading');
  assert.deepEqual(
    headings.map((h) => [h.depth, textOf(h.tokens)]),
    [
      [1, brief.title],
      [2, 'Contents'],
      [2, 'Group 1'],
      [2, 'Group 2'],
      [2, 'Group 3'],
      [2, 'Group 4'],
      [2, 'Indicators'],
      [2, 'References'],
    ],
  );
  const paragraphs = tokens.filter((tok): tok is Tokens.Paragraph => tok.type === 'paragraph').map((p) => textOf(p.tokens));
  for (const [t, theme] of brief.themes.entries()) {
    for (const [c, claim] of theme.claims.entries()) {
      const markers = claim.citations.map((ci) => `[${ci.marker}]`).join('');
      assert.ok(paragraphs.includes(`${t + 1}.${c + 1} ${claim.text} ${markers}`), `claim ${t + 1}.${c + 1} comes back whole`);
    }
  }
  assert.ok(paragraphs.includes('OFFICIAL-SENSITIVE'));
  const table = tokens.find((tok): tok is Tokens.Table => tok.type === 'table')!;
  assert.deepEqual(
    table.rows.map((row) => [textOf(row[0]!.tokens), textOf(row[1]!.tokens), textOf(row[4]!.tokens)]),
    [
      ['Rare earth reserves (Russia)', '28 million tons', '2.1'],
      ['Global rank of Russia’s rare earth reserves', '5th', '2.1'],
      ['Share of proven reserves extracted', '2%', '2.1'],
      ['Russia’s share of global rare earth production', '< 1%', '2.1'],
      ['Main challenges to the industry’s development', '3 challenges', '2.2'],
      ['Engineers working in the rare earth sector', '≈ 1,200 engineers', '2.3'],
      ['Rare earth recycling recovery rate', '55% → 78%', '3.3'],
    ],
  );
});

test('text with HTML or Markdown in it is written as the characters typed, never as markup', (t) => {
  const { doc } = seedDocument(t);
  const hostile = '<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) | pipe ==mark==';
  setClaimText(doc, hostile);
  doc.title = '<script>alert(1)</script>';
  const markdown = toMarkdown(doc);
  const html = marked.parse(markdown) as string;
  assert.doesNotMatch(html, /<img|<script|<strong>bold|href=/);
  const paragraph = marked
    .lexer(markdown)
    .find((tok): tok is Tokens.Paragraph => tok.type === 'paragraph' && tok.raw.startsWith('**1.1**'))!;
  assert.equal(textOf(paragraph.tokens), `1.1 ${hostile} [1][19]`);
});

test('an empty brief exports a document that says it is empty', (t) => {
  const { brief } = seedDocument(t);
  const doc = composeExport(brief, { ...defaultExportOptions(brief.title, 'me', '2026-11-28'), themeIds: [], includeIndicators: false });
  assert.equal(doc.empty, true);
  assert.match(toMarkdown(doc), /This brief is empty/);
});

test('the composer’s choices hold: chosen themes in chosen order, excluded claims left out, references follow', (t) => {
  const { brief } = seedDocument(t);
  const [g1, g2, g3] = brief.themes;
  const doc = composeExport(brief, {
    ...defaultExportOptions(brief.title, 'me', '2026-11-28'),
    themeIds: [g3!.id, g1!.id],
    excludedClaimIds: [g1!.claims[1]!.id],
  });
  assert.deepEqual(
    doc.sections.map((s) => [s.heading, s.claims.map((c) => c.number)]),
    [
      ['Group 3', ['3.1', '3.2', '3.3']],
      ['Group 1', ['1.1', '1.3']],
    ],
  );
  assert.deepEqual(
    doc.references.flatMap((group) => group.references.map((r) => r.marker)),
    [1, 5, 7, 9, 19],
  );
  assert.ok(!doc.sections.some((s) => s.heading === g2!.label));
});

/** The document's shape as a reader sees it: headings, block kinds, table rows. */
function shape(markdown: string) {
  const tokens = marked.lexer(markdown);
  return {
    headings: tokens.filter((tok): tok is Tokens.Heading => tok.type === 'heading').map((h) => `${h.depth} ${textOf(h.tokens)}`),
    blocks: tokens.filter((tok) => tok.type !== 'space').map((tok) => tok.type),
    rows: tokens.find((tok): tok is Tokens.Table => tok.type === 'table')?.rows.length ?? 0,
  };
}

test('a claim holding a lone carriage return, or any line ending, stays one paragraph: no heading, code block or broken table', (t) => {
  const { doc } = seedDocument(t);
  const expected = shape(toMarkdown(doc));
  for (const breaker of ['\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', '\v', '\f']) {
    const copy = structuredClone(doc);
    setClaimText(copy, `Reserves${breaker}# Heading${breaker}${breaker}    code block${breaker}| a | b |${breaker}- list`);
    copy.indicators[0]!.name = `Reserves${breaker}| broken | row |`;
    assert.deepEqual(shape(toMarkdown(copy)), expected, JSON.stringify(breaker));
  }
});

test('property: whatever a claim, a title or an indicator holds, the exported document keeps its shape', (t) => {
  const { doc } = seedDocument(t);
  const expected = shape(toMarkdown(doc));
  const anyText = fc.string({
    unit: fc.oneof(
      fc.constantFrom('\r', '\n', '\t', '#', '-', '=', '>', '|', '`', '*', '1.', '<', ' ', '\u2028', '\\'),
      fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
    ),
    maxLength: 80,
  });
  fc.assert(
    fc.property(anyText, anyText, anyText, (claim, title, indicator) => {
      const copy = structuredClone(doc);
      setClaimText(copy, claim || 'x', true);
      copy.sections[0]!.heading = title || 'x';
      copy.indicators[0]!.name = indicator || 'x';
      const got = shape(toMarkdown(copy));
      assert.deepEqual(got.blocks, expected.blocks);
      assert.equal(got.rows, expected.rows);
      assert.equal(got.headings.length, expected.headings.length);
    }),
    { numRuns: 300 },
  );
});
