import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatClaim } from '../../common/claim-text.ts';
import { parseArticle } from './article.ts';
import { SEED_ARTICLE, SEED_ARTICLE_FILE } from '../seed/index.ts';

/** The article written back out in its own format, from what the parser kept. */
function rebuild(article: ReturnType<typeof parseArticle>): string {
  const body = article.groups.map((g) => `Group ${g.number} - ${g.claims.map(formatClaim).join(' - ')}`).join(' ');
  return `${article.headline}\n${article.publisher}·${article.publishedText}\n\n${body}`;
}

test('the seed article parses into its headline, byline and four groups of three claims', () => {
  const article = parseArticle(SEED_ARTICLE);
  assert.equal(article.headline, '俄总理返回莫斯科后,普京下令了:即日起,减少对中国的依赖');
  assert.equal(article.publisher, 'Sou Hu Cai Jing');
  assert.equal(article.publishedText, '2025-11-09 07:03');
  assert.equal(article.publishedOn, '2025-11-09');
  assert.deepEqual(
    article.groups.map((g) => [g.label, g.claims.length]),
    [
      ['Group 1', 3],
      ['Group 2', 3],
      ['Group 3', 3],
      ['Group 4', 3],
    ],
  );
  const second = article.groups[1]!.claims[1]!;
  assert.equal(
    second.text,
    "The development of Russia's rare earth industry is hindered by three main challenges: technology, funding, and environmental factors",
  );
  assert.deepEqual(
    second.citations.map((c) => c.marker),
    [6, 7, 9],
  );
});

test('nothing is lost: the parsed seed writes back to the exact text of the article', () => {
  assert.equal(rebuild(parseArticle(SEED_ARTICLE)), SEED_ARTICLE);
});

test('every citation marker in the article text is kept, in order', () => {
  const inText = [...SEED_ARTICLE.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const parsed = parseArticle(SEED_ARTICLE).groups.flatMap((g) => g.claims.flatMap((c) => c.citations.map((ci) => ci.marker)));
  assert.deepEqual(parsed, inText);
  assert.ok(parsed.length > 0);
});

const sharedSeed = fileURLToPath(new URL(`../../../shared/seed/${SEED_ARTICLE_FILE}`, import.meta.url));
test('the embedded article is byte for byte the delivered seed file', (t) => {
  if (!existsSync(sharedSeed)) {
    t.skip(`shared/seed is not beside this checkout (${sharedSeed}); nothing to compare against`);
    return;
  }
  assert.equal(SEED_ARTICLE, readFileSync(sharedSeed, 'utf8'));
});

const SECOND_ARTICLE = [
  '\uFEFFРоссия и Индия обсуждают поставки редкоземельных металлов',
  'Kommersant | 2024-02-29',
  '',
  'Group 1 - India offered [2] access to processing know-how in exchange for market access - No agreement was signed',
  'Group 2 - Talks are expected to continue in spring [4][5][12] - Officials named three possible sites [7]',
  '',
].join('\r\n');

test('a second article in the same format imports just as well', () => {
  const article = parseArticle(SECOND_ARTICLE);
  assert.equal(article.headline, 'Россия и Индия обсуждают поставки редкоземельных металлов');
  assert.equal(article.publisher, 'Kommersant');
  assert.equal(article.publishedOn, '2024-02-29');
  assert.deepEqual(
    article.groups.map((g) => g.claims.length),
    [2, 2],
  );
  const [first, second] = article.groups[0]!.claims;
  assert.equal(first!.text, 'India offered access to processing know-how in exchange for market access');
  assert.deepEqual(first!.citations, [{ marker: 2, offset: 'India offered'.length }]);
  assert.equal(formatClaim(first!), 'India offered [2] access to processing know-how in exchange for market access');
  assert.deepEqual(second, { text: 'No agreement was signed', citations: [] });
  assert.deepEqual(
    article.groups[1]!.claims[0]!.citations.map((c) => c.marker),
    [4, 5, 12],
  );
});

test('malformed articles are refused with a message that says what is wrong', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['Headline only', /second line/],
    ['Headline\nNo date here\n\nGroup 1 - a claim', /Line 2 should give the publisher and date/],
    ['Headline\nPaper·2025-02-30\n\nGroup 1 - a claim', /not a real date/],
    ['Headline\nPaper·2025-02-01\n\nJust prose without groups.', /no "Group 1 - \.\.\." section/],
    ['Headline\nPaper·2025-02-01\n\nIntro text. Group 1 - a claim', /Text stands before "Group 1"/],
    ['Headline\nPaper·2025-02-01\n\nGroup 1 - Group 2 - a claim', /Group 1 has no claims/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parseArticle(text),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'bad-article');
        assert.match(error.message, message);
        return true;
      },
    );
  }
});
