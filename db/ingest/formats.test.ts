// Each everyday format, read through the real reader process as an import would: what the user
// sees in the preview (headline, byline, themes and their claims with citations) must be the
// source's own text in its reading order, and nothing of the page around it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseArticle } from '../import/index.ts';
import { SEED_ARTICLE } from '../seed/index.ts';
import { tempDir } from '../test-support/index.ts';
import { ingestFile, ingestText, type IngestResult } from './index.ts';
import { makeDocx, makePdf, pdfLine } from './test-fixtures.ts';

/** Themes as [heading, [claim text, citations][]], the way the preview lists them. */
const outline = (result: IngestResult) =>
  result.source.themes.map((theme) => [theme.heading, theme.claims.map((claim) => [claim.text, claim.citations])]);

/** A claim with its markers put back where they stood: checks the offsets. */
const marked = (claim: { text: string; citations: number[]; citationOffsets: number[] }) => {
  let out = claim.text;
  for (let i = claim.citations.length - 1; i >= 0; i--)
    out = `${out.slice(0, claim.citationOffsets[i])}[${claim.citations[i]}]${out.slice(claim.citationOffsets[i])}`;
  return out;
};

const ARTICLE_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Russia's rare earth push | Example News</title>
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2026-03-14T09:30:00Z">
  <script>window.analytics = { track() {} }; document.write('<p>Injected by a script</p>');</script>
  <style>.ad { color: red }</style>
</head>
<body>
  <header class="masthead"><a href="/">Example News</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/markets">Markets</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>
  <div id="cookie-consent"><p>We use cookies to improve your experience on our site. Accept all cookies to continue reading.</p><button>Accept</button></div>
  <div class="ad ad-leaderboard"><p>Advertisement: Invest in gold today with our partners and earn more than you ever imagined.</p></div>
  <main>
    <article>
      <header><h1>Russia's rare earth push</h1><p class="byline">By Anna Petrova</p></header>
      <p>Russia possesses rare earth reserves of 28 million tons, ranking fifth globally, according to the ministry.<sup><a href="#fn1">1</a></sup></p>
      <h2>Reserves and output</h2>
      <p>Yet the country extracts only 2% of its proven reserves, and its share of global production is less than 1% [2].</p>
      <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">China tightens export controls on critical minerals</a></li></ul></aside>
      <p>Processing plants are few and old, and the area to survey spans 17 million km<sup>2</sup>.</p>
      <h2>Workforce</h2>
      <ul>
        <li>About 1,200 engineers work in the sector.<sup>3</sup></li>
        <li>Most of them are close to retirement age.</li>
      </ul>
      <div class="share-bar"><a href="#">Share on social media</a></div>
    </article>
    <section class="footnotes"><ol><li id="fn1">Ministry of Natural Resources, 2025.</li></ol></section>
  </main>
  <footer><p>Copyright 2026 Example News. All rights reserved. Terms of use and privacy policy.</p></footer>
  <script>fetch('/track?page=1')</script>
</body>
</html>`;

test('a saved web page gives the article’s paragraphs as claims, and none of its navigation, ads, banner or scripts', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'rare-earth-push.html');
  writeFileSync(path, ARTICLE_PAGE);
  const result = await ingestFile(path);
  assert.equal(result.format, 'html');
  assert.equal(result.source.headline, "Russia's rare earth push");
  assert.equal(result.source.headlineLanguage, 'en');
  assert.equal(result.source.publisher, 'Example News');
  assert.equal(result.source.publishedOn, '2026-03-14');
  assert.deepEqual(outline(result), [
    [
      'Introduction',
      [['Russia possesses rare earth reserves of 28 million tons, ranking fifth globally, according to the ministry.', [1]]],
    ],
    [
      'Reserves and output',
      [
        ['Yet the country extracts only 2% of its proven reserves, and its share of global production is less than 1%.', [2]],
        ['Processing plants are few and old, and the area to survey spans 17 million km².', []],
      ],
    ],
    [
      'Workforce',
      [
        ['About 1,200 engineers work in the sector.', [3]],
        ['Most of them are close to retirement age.', []],
      ],
    ],
  ]);
  const everything = JSON.stringify(result.source);
  for (const absent of [
    'World',
    'Markets',
    'cookies',
    'Advertisement',
    'gold',
    'Injected',
    'analytics',
    'fetch',
    'Related',
    'Share',
    'Copyright',
    'Anna Petrova',
    'Ministry of Natural',
  ])
    assert.ok(!everything.includes(absent), `"${absent}" is not in what was read`);
  assert.deepEqual(result.source.warnings, ["The page's 2 scripts were not run; only its text was read."]);
  // The provenance: the file's own name, size and SHA-256, and when it was read.
  assert.equal(result.provenance.name, 'rare-earth-push.html');
  assert.equal(result.provenance.size, Buffer.byteLength(ARTICLE_PAGE));
  assert.equal(result.provenance.sha256, createHash('sha256').update(ARTICLE_PAGE).digest('hex'));
  assert.ok(!Number.isNaN(Date.parse(result.provenance.importedAt)));
});

/** A two-page report: a full-width headline, two columns on page 1 (a paragraph runs from the left column into the right), footnotes, running header, page numbers; one column on page 2. */
export function twoColumnReport(): Buffer {
  const [left, right] = [72, 324];
  const header = { x: 72, y: 770, size: 8, text: 'Resource Review: March 2026' };
  const page1 = [
    header,
    ...pdfLine(72, 730, 20, 'Rare Earths and the Russian Economy'),
    ...pdfLine(left, 706, 10, 'Institute for Resource Studies · 2026-03-14'),
    ...pdfLine(left, 680, 14, 'Reserves'),
    ...pdfLine(left, 662, 10, 'Russia holds rare earth reserves of 28'),
    ...pdfLine(left, 650, 10, 'million tons, ranking fifth globally.', { sup: '1' }),
    ...pdfLine(left, 630, 10, 'Yet it extracts only 2% of its proven'),
    ...pdfLine(left, 618, 10, 'reserves,', { sup: '2' }, ' with less than 1% of global'),
    ...pdfLine(left, 606, 10, 'production, because processing'),
    ...pdfLine(right, 680, 10, 'plants are few and old.'),
    ...pdfLine(right, 656, 14, 'Workforce'),
    ...pdfLine(right, 638, 10, 'About 1,200 engineers work in the'),
    ...pdfLine(right, 626, 10, 'sector today.', { sup: '3' }),
    ...pdfLine(72, 100, 8, { sup: '1' }, 'Ministry of Natural Resources, 2025.'),
    ...pdfLine(72, 90, 8, { sup: '2' }, 'USGS Mineral Commodity Summaries.'),
    ...pdfLine(72, 80, 8, { sup: '3' }, 'Interview with an industry body.'),
    { x: 300, y: 40, size: 9, text: '1' },
  ];
  const page2 = [
    header,
    ...pdfLine(72, 720, 14, 'Outlook'),
    ...pdfLine(72, 700, 10, 'The ministry plans a new refinery by 2030, and officials expect exports of separated'),
    ...pdfLine(72, 688, 10, 'oxides to resume in 2027.', { sup: '4' }),
    ...pdfLine(72, 90, 8, { sup: '4' }, 'Ministry statement of 2 March 2026.'),
    { x: 300, y: 40, size: 9, text: '2' },
  ];
  return makePdf({ title: 'Microsoft Word - report.docx', pages: [{ runs: page1 }, { runs: page2 }] });
}

test('a two-column PDF is read left column then right, footnote numbers become citations, and headers, page numbers and footnotes are left out', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'report.pdf');
  writeFileSync(path, twoColumnReport());
  const result = await ingestFile(path);
  assert.equal(result.format, 'pdf');
  assert.equal(result.source.headline, 'Rare Earths and the Russian Economy');
  assert.equal(result.source.publisher, 'Institute for Resource Studies');
  assert.equal(result.source.publishedOn, '2026-03-14');
  assert.deepEqual(outline(result), [
    [
      'Reserves',
      [
        ['Russia holds rare earth reserves of 28 million tons, ranking fifth globally.', [1]],
        [
          'Yet it extracts only 2% of its proven reserves, with less than 1% of global production, because processing plants are few and old.',
          [2],
        ],
      ],
    ],
    ['Workforce', [['About 1,200 engineers work in the sector today.', [3]]]],
    ['Outlook', [['The ministry plans a new refinery by 2030, and officials expect exports of separated oxides to resume in 2027.', [4]]]],
  ]);
  // Each marker stands where it was printed: after "reserves," in the middle of the second claim.
  assert.equal(
    marked(result.source.themes[0]!.claims[1]!),
    'Yet it extracts only 2% of its proven reserves,[2] with less than 1% of global production, because processing plants are few and old.',
  );
  assert.deepEqual(result.source.warnings, []);
});

test('a Word document’s headings become themes, its paragraphs and list items claims, its footnote references citations', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'briefing.docx');
  writeFileSync(
    path,
    makeDocx({
      title: 'Document1',
      blocks: [
        { heading: 'title', text: 'Rare earths: options for the ministry' },
        { paragraph: 'This note sets out where Russia stands.' },
        { heading: 1, text: 'Reserves' },
        {
          paragraph: 'Russia holds rare earth reserves of 28 million tons.',
          footnote: { id: 1, text: 'USGS Mineral Commodity Summaries 2025.' },
        },
        { heading: 2, text: 'Constraints' },
        { bullet: 'Processing plants are few and old.' },
        { bullet: 'About 1,200 engineers work in the sector.' },
        { paragraph: 'Funding is the hardest of the three.' },
      ],
    }),
  );
  const result = await ingestFile(path);
  assert.equal(result.format, 'docx');
  assert.equal(result.source.headline, 'Rare earths: options for the ministry');
  assert.equal(result.source.headlineLanguage, 'en');
  assert.deepEqual(outline(result), [
    ['Introduction', [['This note sets out where Russia stands.', []]]],
    ['Reserves', [['Russia holds rare earth reserves of 28 million tons.', [1]]]],
    [
      'Constraints',
      [
        ['Processing plants are few and old.', []],
        ['About 1,200 engineers work in the sector.', []],
        ['Funding is the hardest of the three.', []],
      ],
    ],
  ]);
  assert.ok(!JSON.stringify(result.source).includes('USGS'), 'the footnote’s text is a source, not a claim');
  assert.deepEqual(result.source.warnings, []);
});

const MARKDOWN = `# Rare earths: the state of play

*Example Policy Review · 2026-03-14*

Russia holds rare earth reserves of **28 million tons**, ranking fifth globally.[^1]

## Constraints

- Processing capacity is scarce [2].
- Engineers are few: about 1,200 work in the [sector](https://example.org/sector).
  - Most are close to retirement.

> Officials expect output to double by 2030.

| Year | Output |
| --- | --- |
| 2024 | 2,600 t |

\`\`\`js
alert('not a claim');
\`\`\`

[^1]: USGS 2025.
`;

test('a Markdown file: headings are themes, paragraphs, list items and quotes are claims, tables and code are left out with a warning', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'state-of-play.md');
  writeFileSync(path, MARKDOWN);
  const result = await ingestFile(path);
  assert.equal(result.format, 'markdown');
  assert.equal(result.source.headline, 'Rare earths: the state of play');
  assert.equal(result.source.publisher, 'Example Policy Review');
  assert.equal(result.source.publishedOn, '2026-03-14');
  assert.deepEqual(outline(result), [
    ['Introduction', [['Russia holds rare earth reserves of 28 million tons, ranking fifth globally.', [1]]]],
    [
      'Constraints',
      [
        ['Processing capacity is scarce.', [2]],
        ['Engineers are few: about 1,200 work in the sector.', []],
        ['Most are close to retirement.', []],
        ['Officials expect output to double by 2030.', []],
      ],
    ],
  ]);
  assert.deepEqual(result.source.warnings, [
    'A table was left out; copy any figures you need from it by hand.',
    'A code block was left out.',
  ]);
});

test('pasted text from an e-mail: a heading-like line starts a theme, wrapped lines join, the greeting and sign-off are dropped', async () => {
  const pasted = [
    'Hi all,',
    '',
    'Rare earth briefing for Thursday',
    '',
    '1. Reserves',
    'Russia holds rare earth reserves of 28 million tons, ranking fifth',
    'globally, but extracts only 2% of them [6].',
    '',
    '2. Workforce',
    '- About 1,200 engineers work in the sector.',
    '- Most are close to retirement.',
    '',
    'Best regards,',
    'Anna',
  ].join('\r\n');
  const result = await ingestText(pasted);
  assert.equal(result.format, 'text');
  assert.equal(result.source.headline, 'Rare earth briefing for Thursday');
  assert.deepEqual(outline(result), [
    ['1. Reserves', [['Russia holds rare earth reserves of 28 million tons, ranking fifth globally, but extracts only 2% of them.', [6]]]],
    [
      '2. Workforce',
      [
        ['About 1,200 engineers work in the sector.', []],
        ['Most are close to retirement.', []],
      ],
    ],
  ]);
  assert.equal(result.provenance.name, 'Pasted text');
  assert.equal(result.provenance.sha256, createHash('sha256').update(pasted, 'utf8').digest('hex'));
  assert.equal(result.provenance.size, Buffer.byteLength(pasted));
});

test('pasted Markdown is told by its syntax; pasted prose without headings is one theme named "Imported text"', async () => {
  const markdown = await ingestText('## Findings\n\n- Output rose by 5%.\n- Prices fell.\n\n**Note**: see the [annex](annex.html).');
  assert.equal(markdown.format, 'markdown');
  assert.deepEqual(outline(markdown), [
    [
      'Findings',
      [
        ['Output rose by 5%.', []],
        ['Prices fell.', []],
        ['Note: see the annex.', []],
      ],
    ],
  ]);
  const prose = await ingestText('Output rose by 5% last year [3].\n\nPrices fell, and exports stalled.');
  assert.equal(prose.format, 'text');
  assert.equal(prose.source.headline, 'Imported text');
  assert.deepEqual(outline(prose), [
    [
      'Imported text',
      [
        ['Output rose by 5% last year.', [3]],
        ['Prices fell, and exports stalled.', []],
      ],
    ],
  ]);
});

test('the article layout is recognised first and read by the article importer, groups as themes, markers and offsets kept', async () => {
  const result = await ingestText(SEED_ARTICLE, '000_8b05ce28f8a2e0e3.txt');
  const article = parseArticle(SEED_ARTICLE);
  assert.equal(result.format, 'article');
  assert.equal(result.source.headline, article.headline);
  assert.equal(result.source.headlineLanguage, 'zh');
  assert.equal(result.source.publisher, 'Sou Hu Cai Jing');
  assert.equal(result.source.publishedOn, '2025-11-09');
  assert.deepEqual(
    result.source.themes.map((theme) => theme.heading),
    ['Group 1', 'Group 2', 'Group 3', 'Group 4'],
  );
  assert.deepEqual(
    result.source.themes.map((theme) => theme.claims.map(marked)),
    article.groups.map((group) =>
      group.claims.map((claim) =>
        marked({
          text: claim.text,
          citations: claim.citations.map((c) => c.marker),
          citationOffsets: claim.citations.map((c) => c.offset),
        }),
      ),
    ),
  );
  assert.deepEqual(result.source.themes[0]!.claims[0]!.citations, [1, 19]);
});

test('the format is told by the bytes, not the name: a PDF named .txt, a page named .md and Markdown named .pdf', async (t) => {
  const dir = tempDir(t);
  const cases: [string, Buffer | string, IngestResult['format']][] = [
    ['report.txt', makePdf({ pages: [{ runs: pdfLine(72, 700, 10, 'Output rose by 5% last year.') }] }), 'pdf'],
    ['page.md', '<!DOCTYPE html><html><body><p>Output rose by 5% last year.</p></body></html>', 'html'],
    ['notes.pdf', '# Notes\n\n## Output\n\nOutput rose by 5% last year.\n', 'markdown'],
  ];
  for (const [name, bytes, format] of cases) {
    writeFileSync(join(dir, name), bytes);
    const result = await ingestFile(join(dir, name));
    assert.equal(result.format, format, name);
    assert.deepEqual(
      result.source.themes.flatMap((theme) => theme.claims.map((claim) => claim.text)),
      ['Output rose by 5% last year.'],
      name,
    );
  }
});
