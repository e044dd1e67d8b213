import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { marked, type Token, type Tokens } from 'marked';
import { composeExport, defaultExportOptions } from './compose.ts';
import { analystBrief } from './fixture-brief.ts';
import { toMarkdown } from './markdown.ts';

// Everything the analyst wrote reaches the export, in one order: title block, bottom line, key
// judgments, analyst's notes, contents, themes with their claims (assessments, highlights, notes),
// indicators (with the stale quote flagged), references with grades, and the appendix of highlights
// (legend, numbered comments, orphans). Checked on the composed document and on its Markdown as a
// reader sees it (parsed back by marked).

const options = (extra: Partial<ReturnType<typeof defaultExportOptions>> = {}) => ({
  ...defaultExportOptions('Russia’s rare earth ambitions', 'A. Analyst', '2026-11-28'),
  ...extra,
});

/** The Markdown as a reader of the rendered page reads it: HTML from marked, tags dropped, entities read. */
function readerText(markdown: string): string {
  return textOfHtml(marked.parse(markdown) as string);
}

function textOfHtml(html: string): string {
  return html
    .replace(/<\/?(?:a|strong|em|code|del)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Asserts that each piece comes after the one before it in `text`. */
function assertInOrder(text: string, pieces: readonly string[]) {
  let at = 0;
  for (const piece of pieces) {
    const found = text.indexOf(piece, at);
    assert.ok(found >= 0, `“${piece}” after position ${at} (found first at ${text.indexOf(piece)})`);
    at = found + piece.length;
  }
}

test('the composed document carries the bottom line, key judgments with likelihood, confidence and evidence, and warns of the unsupported one', () => {
  const doc = composeExport(analystBrief(), options());
  assert.deepEqual(doc.bottomLine, ['Russia cannot cut its dependence on China before 2030.', 'Its reserves are large but barely worked.']);
  assert.deepEqual(doc.judgments, [
    {
      label: 'KJ1',
      text: 'Russia will remain a minor producer of rare earths through 2030.',
      qualifiers: 'Likelihood: likely (55–80%) · Confidence: moderate',
      support: 'Supported by claims 1.1, 2.1; indicator Rare earth reserves (Russia).',
      against: 'Cut against by claim 2.2.',
    },
    {
      label: 'KJ2',
      text: 'Output will not double before 2028.',
      qualifiers: 'Likelihood: very likely (80–95%)',
      support: 'Supported by claim 1.2.',
      against: null,
    },
    { label: 'KJ3', text: 'Beijing will tighten export controls again.', qualifiers: 'Confidence: low', support: null, against: null },
  ]);
  assert.deepEqual(doc.warnings, ['Key judgment 3 has no supporting evidence.']);

  // Leaving a claim out names it, in the judgment and in the composer's warnings.
  const brief = analystBrief();
  const without = composeExport(brief, options({ excludedClaimIds: [brief.themes[0]!.claims[1]!.id] }));
  assert.equal(without.judgments[1]!.support, 'Supported by claim 1.2 (not in this export).');
  assert.deepEqual(without.warnings, [
    'Key judgment 2 rests on claim 1.2, which this export leaves out.',
    'Key judgment 3 has no supporting evidence.',
  ]);
});

test('claims carry their assessments, notes and highlights; the orphaned highlight is listed, never drawn on its claim', () => {
  const doc = composeExport(analystBrief(), options());
  const [c11, c12] = doc.sections[0]!.claims;
  const [c21, c22] = doc.sections[1]!.claims;
  assert.equal(c12!.assessment, 'Assessment: high confidence — Matches the survey figures.');
  assert.equal(c11!.assessment, null);
  assert.deepEqual(
    c11!.runs.map((r) => [r.text, r.colours, r.notes]),
    [
      ['Russia holds rare earth reserves of ', [], []],
      ['28 million tons', ['yellow'], [1]],
      [', ranking fifth globally.', [], []],
    ],
  );
  assert.deepEqual(
    c21!.runs.filter((r) => r.colours.length > 0).map((r) => [r.text, r.colours, r.notes]),
    [['1,200 engineers', ['green'], []]],
    'a highlight without a comment is marked and not numbered',
  );
  assert.deepEqual(
    c22!.runs,
    [{ text: 'Recycling recovery rates rose sharply.', colours: [], notes: [] }],
    'the orphan is not on its claim',
  );
  assert.deepEqual(
    doc.sections[0]!.notes.map((n) => n.body),
    ['Reserves are *proven* reserves.'],
  );
  assert.deepEqual(
    c12!.notes.map((n) => [n.body, n.author]),
    [['See [the survey](https://example.org/survey) for the method.', 'B. Colleague']],
  );
  assert.deepEqual(
    doc.briefNotes.map((n) => n.body.slice(0, 10)),
    ['**Caveat**'],
  );

  const annotations = doc.annotations!;
  assert.deepEqual(annotations.legend, [
    { colour: 'yellow', meaning: 'Key fact' },
    { colour: 'green', meaning: 'Supports' },
    { colour: 'red', meaning: 'Doubtful' },
    { colour: 'blue', meaning: 'Follow up' },
  ]);
  assert.deepEqual(
    annotations.notes.map((n) => [n.number, n.target, n.quote, n.meaning, n.comment]),
    [
      [1, 'Claim 1.1', '28 million tons', 'Key fact', 'The key figure.'],
      [2, 'Claim 1.2', 'less than 1%', 'Doubtful', 'Check against the survey.'],
    ],
  );
  assert.deepEqual(
    annotations.orphans.map((o) => [o.target, o.quote, o.meaning, o.comment]),
    [['Claim 2.2', 'from 55% to 78%', 'Follow up', 'Gone after the edit.']],
  );

  // Numbered in the export's reading order: with Group 2 first, its claims' comments come first.
  const brief = analystBrief();
  brief.highlights[2]!.comment = 'Few engineers.';
  const reordered = composeExport(brief, options({ themeIds: [brief.themes[1]!.id, brief.themes[0]!.id] }));
  assert.deepEqual(
    reordered.annotations!.notes.map((n) => [n.number, n.target]),
    [
      [1, 'Claim 2.1'],
      [2, 'Claim 1.1'],
      [3, 'Claim 1.2'],
    ],
  );
});

test('indicators flag a quote edited out of its claim and mark a value dated after the export as a projection; references carry grades', () => {
  const doc = composeExport(analystBrief(), options());
  const [reserves, recycling] = doc.indicators;
  assert.deepEqual(reserves!.flags, []);
  assert.deepEqual(
    reserves!.notes.map((n) => n.body),
    ['Watch the 2026 survey.'],
  );
  assert.deepEqual(recycling!.flags, [
    '55%: quote no longer in claim 2.2',
    '78%: quote no longer in claim 2.2',
    '90%: quote no longer in claim 2.2',
  ]);
  assert.deepEqual(
    recycling!.history.map((h) => [h.value, h.projection]),
    [
      ['55%', false],
      ['78%', false],
      ['90%', true],
    ],
  );
  assert.match(recycling!.history[2]!.asOf, /2030-01-01 · as reported · projection/);
  assert.equal(doc.charts[0]!.chart.caption, '55% (undated) → 78% (2025-11-09) → 90% (2030-01-01, projection)');

  assert.deepEqual(doc.references, [
    {
      source: 'Sohu Cai Jing',
      prefix: 'ref',
      origin: 'Sohu Cai Jing, 2025-11-09 08:00',
      references: [
        { marker: 1, citedBy: ['1.1', '2.1'], grade: 'B2 — usually reliable; probably true' },
        { marker: 19, citedBy: ['1.2', '2.1'], grade: 'A — completely reliable' },
      ],
    },
  ]);
  assert.equal(doc.sources[0]!.grade, 'C3 — fairly reliable; possibly true');
  const ungraded = composeExport(analystBrief(), options({ includeGrades: false }));
  assert.deepEqual(
    ungraded.references.flatMap((group) => group.references.map((r) => r.grade)),
    [null, null],
  );
  assert.equal(ungraded.sources[0]!.grade, null);
});

test('the Markdown holds everything, in the print view’s order', () => {
  const markdown = toMarkdown(composeExport(analystBrief(), options()));
  const headings = marked
    .lexer(markdown)
    .filter((t): t is Tokens.Heading => t.type === 'heading')
    .map((h) => `${h.depth} ${h.text.replace(/\\/g, '')}`);
  assert.deepEqual(headings, [
    '1 Russia’s rare earth ambitions',
    '2 Bottom line',
    '2 Key judgments',
    '2 Analyst’s notes',
    '2 Contents',
    '2 Group 1: Reserves',
    '2 Group 2',
    '2 Indicators',
    '2 References',
    '2 Appendix: highlights',
    '3 What the colours mean',
    '3 Comments',
    '3 Orphaned highlights',
  ]);
  assertInOrder(readerText(markdown), [
    'Russia’s rare earth ambitions',
    'Source graded C3 — fairly reliable; possibly true',
    'Bottom line',
    'Russia cannot cut its dependence on China before 2030.',
    'Its reserves are large but barely worked.',
    'Key judgments',
    'KJ1 Russia will remain a minor producer',
    'Likelihood: likely (55–80%) · Confidence: moderate',
    'Supported by claims 1.1, 2.1; indicator Rare earth reserves (Russia).',
    'Cut against by claim 2.2.',
    'KJ3 Beijing will tighten export controls again.',
    'Analyst’s notes',
    'Caveat: the figures come from one source.',
    '[image: chart of output — https://example.org/output.png]',
    '— B. Colleague',
    'Contents Group 1: Reserves Group 2 Indicators References Appendix: highlights',
    'Group 1: Reserves',
    'Reserves are proven reserves.',
    '1.1 Russia holds rare earth reserves of ==28 million tons== [Key fact][^1], ranking fifth globally. [1]',
    '1.2 Its output is ==less than 1%== [Doubtful][^2] of global production. [19]',
    'Assessment: high confidence — Matches the survey figures.',
    'See the survey for the method.',
    '2.1 Only about ==1,200 engineers== [Supports] work in this field. [1][19]',
    '2.2 Recycling recovery rates rose sharply.',
    'Indicators',
    'Rare earth reserves (Russia) 28 million tons',
    'Recycling recovery rate 55% → 78% → 90%',
    '2030-01-01 · as reported · projection',
    '(55%: quote no longer in claim 2.2)',
    'Rare earth reserves (Russia)',
    'Watch the 2026 survey.',
    'Chart of Recycling recovery rate: 55% (undated) → 78% (2025-11-09) → 90% (2030-01-01, projection)',
    'References',
    '[1] cited in 1.1, 2.1. Graded B2 — usually reliable; probably true',
    '[19] cited in 1.2, 2.1. Graded A — completely reliable',
    'Appendix: highlights',
    'What the colours mean',
    '==Key fact== (yellow)',
    '==Follow up== (blue)',
    'Comments',
    '[^1]: Claim 1.1, “28 million tons” (Key fact): The key figure. — A. Analyst',
    '[^2]: Claim 1.2, “less than 1%” (Doubtful): Check against the survey. — A. Analyst',
    'Orphaned highlights',
    'Claim 2.2: “from 55% to 78%” (Follow up): Gone after the edit. — A. Analyst',
  ]);
  // The orphan's words never appear in a claim's paragraph.
  assert.doesNotMatch(markdown, /\*\*2\.2\*\*.*==/);
});

test('every part can be left out, and then is not in the document or the Markdown', () => {
  const brief = analystBrief();
  const all = toMarkdown(composeExport(brief, options()));
  const parts: [keyof ReturnType<typeof defaultExportOptions>, string][] = [
    ['includeBottomLine', 'Russia cannot cut its dependence'],
    ['includeJudgments', 'KJ1'],
    ['includeAssessments', 'Assessment: high confidence'],
    ['includeNotes', 'Watch the 2026 survey'],
    ['includeAnnotations', '==28 million tons=='],
    ['includeIndicators', 'Recycling recovery rate 55% → 78% → 90%'],
    ['includeCharts', 'Chart of Recycling recovery rate'],
    ['includeReferences', 'cited in 1.1, 2.1'],
    ['includeGrades', 'B2 — usually reliable'],
  ];
  for (const [option, words] of parts) {
    assert.ok(readerText(all).includes(words), `${option}: “${words}” is there by default`);
    const without = readerText(toMarkdown(composeExport(brief, options({ [option]: false }))));
    assert.ok(!without.includes(words), `${option}: “${words}” is gone when left out`);
  }
});

/** The kinds of the top-level blocks and the headings: what a note must never change. */
function outline(markdown: string) {
  const tokens = marked.lexer(markdown);
  const walk = (list: Token[]): string[] =>
    list
      .flatMap((t) => [t.type, ...('tokens' in t && t.tokens ? walk(t.tokens) : [])])
      .filter((type) => type === 'html' || type === 'image');
  return {
    top: tokens.filter((t) => t.type !== 'space').map((t) => (t.type === 'heading' ? `h: ${(t as Tokens.Heading).text}` : t.type)),
    unsafe: walk(tokens),
  };
}

test('property: whatever a note holds, it stays inside its quote: no heading, HTML, image, footnote or definition reaches the brief', () => {
  const brief = analystBrief();
  const expected = outline(toMarkdown(composeExport(brief, options())));
  const noteText = fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        '\n',
        '\r',
        '\n\n',
        '# ',
        '=== ',
        '---',
        '```',
        '~~~',
        '    ',
        '> ',
        '- ',
        '1. ',
        '<div>',
        '<img src=x onerror=alert(1)>',
        '![a](http://x/y.png)',
        '[l](javascript:alert(1))',
        '[x]: http://evil',
        '[^1]: forged',
        '|a|b|\n|-|-|\n',
        '**',
        '`',
        '\\',
      ),
      fc.string({ minLength: 1, maxLength: 3 }),
    ),
    maxLength: 40,
  });
  fc.assert(
    fc.property(noteText, (body) => {
      const copy = analystBrief();
      for (const note of copy.notes) note.body = body.trim() ? body : 'x';
      const got = outline(toMarkdown(composeExport(copy, options())));
      assert.deepEqual(got.unsafe, []);
      assert.deepEqual(got.top, expected.top);
    }),
    { numRuns: 300 },
  );
});

test('a note’s Markdown survives as Markdown: emphasis, lists, code and links kept, images as text, HTML as typed', () => {
  const brief = analystBrief();
  brief.notes[0]!.body = [
    '# Why it matters',
    '',
    'Output is **small** and *falling*:',
    '',
    '- one `item`',
    '- two [link](https://example.org/a%20b) and [bad](javascript:alert(1))',
    '',
    '```',
    'code ``` inside',
    '```',
    '',
    '<img src="https://x/y.png" alt="a chart"> <b>bold?</b>',
  ].join('\n');
  const markdown = toMarkdown(composeExport(brief, options()));
  const html = marked.parse(markdown) as string;
  assert.match(html, /<blockquote>[\s\S]*<strong>Why it matters<\/strong>/);
  assert.match(html, /<strong>small<\/strong> and <em>falling<\/em>/);
  assert.match(html, /<li>one <code>item<\/code><\/li>/);
  assert.match(html, /<a href="https:\/\/example.org\/a%20b">link<\/a> and bad/);
  assert.match(html, /<pre><code>code ``` inside\n<\/code><\/pre>/);
  assert.match(textOfHtml(html), /\[image: a chart — https:\/\/x\/y.png\] <b>bold\?<\/b>/, 'HTML is shown as typed, an image as its words');
  assert.doesNotMatch(html, /<img|<b>|javascript:|<h\d>Why/);
  brief.notes[0]!.body = '![a chart](https://x/y.png) and ![](relative.png)';
  assert.ok(
    readerText(toMarkdown(composeExport(brief, options()))).includes('[image: a chart — https://x/y.png] and [image: relative.png]'),
  );
});

/** The analyst's brief with a second source read from a file: one theme, two claims citing its own [1] and [4]. */
function twoSourceBrief() {
  const brief = analystBrief();
  const first = brief.sources[0]!;
  const second = {
    ...first,
    id: 'second-source',
    titleOriginal: 'Magnets in 2030',
    originalLanguage: 'en',
    titleTranslation: null,
    translationNote: null,
    publisher: 'Institute',
    publishedText: '2026-01-10',
    publishedOn: '2026-01-10',
    grade: { reliability: null, credibility: null },
    shortName: 'Magnets',
    provenance: {
      fileName: 'magnets.pdf',
      size: 2048,
      sha256: 'c0'.repeat(32),
      format: 'pdf' as const,
      importedAt: '2026-01-15T09:00:00.000Z',
    },
  };
  const claim = (id: string, text: string, markers: number[]) => ({
    ...brief.themes[0]!.claims[0]!,
    id,
    themeId: 'magnets',
    sourceId: second.id,
    text,
    citations: markers.map((marker, i) => ({ id: `${id}-${i}`, marker, offset: text.length })),
    translation: null,
  });
  brief.sources = [{ ...first, shortName: 'Sohu' }, second];
  brief.themes = [
    ...brief.themes,
    {
      ...brief.themes[0]!,
      id: 'magnets',
      label: 'Output',
      title: null,
      sourceId: second.id,
      claims: [claim('m1', 'Output will reach 5,000 tons by 2030.', [1]), claim('m2', 'Two plants are planned.', [1, 4])],
    },
  ];
  brief.themes[0]!.claims[0]!.translation = 'Россия владеет запасами в 28 млн тонн.';
  brief.citationGrades = [
    ...brief.citationGrades,
    { ...brief.citationGrades[0]!, id: 'g2', sourceId: second.id, marker: 4, reliability: 'D', credibility: null },
  ];
  return brief;
}

test('with two sources, each number is printed with its source’s name and listed under its source; grades are each source’s own', () => {
  const doc = composeExport(twoSourceBrief(), options());
  const claims = doc.sections.flatMap((s) => s.claims);
  assert.deepEqual(
    claims.map((c) => [c.number, c.citationSource, c.referencePrefix, c.citations]),
    [
      ['1.1', 'Sohu', 'ref', [1]],
      ['1.2', 'Sohu', 'ref', [19]],
      ['2.1', 'Sohu', 'ref', [1, 19]],
      ['2.2', 'Sohu', 'ref', []],
      ['3.1', 'Magnets', 'ref-s2', [1]],
      ['3.2', 'Magnets', 'ref-s2', [1, 4]],
    ],
  );
  assert.deepEqual(
    doc.references.map((g) => [g.source, g.prefix, g.origin, g.references.map((r) => [r.marker, r.citedBy, r.grade])]),
    [
      [
        'Sohu',
        'ref',
        'Sohu Cai Jing, 2025-11-09 08:00',
        [
          [1, ['1.1', '2.1'], 'B2 — usually reliable; probably true'],
          [19, ['1.2', '2.1'], 'A — completely reliable'],
        ],
      ],
      [
        'Magnets',
        'ref-s2',
        'Institute, 2026-01-10',
        [
          [1, ['3.1', '3.2'], null],
          [4, ['3.2'], 'D — not usually reliable'],
        ],
      ],
    ],
  );
  assert.deepEqual(
    doc.sources.map((s) => [s.name, s.language, s.provenance]),
    [
      ['Sohu', 'zh', null],
      ['Magnets', 'en', `magnets.pdf (PDF, 2.0 KB, SHA-256 ${'c0'.repeat(32)}), imported 2026-01-15 09:00 UTC`],
    ],
  );
  // A translation travels with its claim, apart from the source's words.
  assert.equal(claims[0]!.translation, 'Россия владеет запасами в 28 млн тонн.');
  assert.ok(!claims[0]!.runs.some((run) => run.text.includes('Россия')));

  const markdown = toMarkdown(doc);
  assert.match(markdown, /\*\*3\.2\*\* Two plants are planned\. \\\[Magnets 1\\\]\\\[Magnets 4\\\]/);
  assert.match(markdown, /^### Sohu\n\nReference numbers of Sohu Cai Jing, 2025-11-09 08:00\.\n\n- \\\[1\\\] cited in 1\.1, 2\.1/m);
  assert.match(
    markdown,
    /^### Magnets\n\nReference numbers of Institute, 2026-01-10\.\n\n- \\\[1\\\] cited in 3\.1, 3\.2\n- \\\[4\\\] cited in 3\.2\. Graded D/m,
  );
  assert.match(markdown, /^> \*Translation \(ours, not part of the source\):\* Россия владеет запасами в 28 млн тонн\.$/m);
  assert.match(markdown, /^> Read from magnets\.pdf \(PDF, 2\.0 KB, SHA-256 c0c0/m);
});

test('with one source, numbers carry no source name and the references are that source’s, as before', () => {
  const doc = composeExport(analystBrief(), options());
  assert.ok(doc.sections.flatMap((s) => s.claims).every((c) => c.citationSource === null && c.referencePrefix === 'ref'));
  assert.equal(doc.references.length, 1);
  const markdown = toMarkdown(doc);
  assert.doesNotMatch(markdown, /^### Sohu/m);
  assert.match(markdown, /^Reference numbers are those of the source: Sohu Cai Jing, 2025-11-09 08:00\.$/m);
});
