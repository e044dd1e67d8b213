// Figures offered as indicator candidates from imported claims: the embedded brief's, and a second
// article in the same layout with a figure of every kind among words that are not figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFigures } from '../../common/figures.ts';
import { SEED_ARTICLE } from '../seed/index.ts';
import { ingestText } from './index.ts';

/** Every candidate of every claim as [theme, claim number, kind, quote, value, unit, comparator]. */
async function candidatesOf(article: string) {
  const { source } = await ingestText(article);
  return source.themes.flatMap((theme) =>
    theme.claims.flatMap((claim, index) =>
      findFigures(claim.text).map((figure) => {
        assert.ok(claim.text.includes(figure.quote), `"${figure.quote}" stands in its claim, as the importer requires of a quote`);
        return [theme.heading, index + 1, figure.kind, figure.quote, figure.value, figure.unit, figure.comparator];
      }),
    ),
  );
}

test('the embedded brief offers exactly its seven figures, and not its citation markers, date or group numbers', async () => {
  assert.deepEqual(await candidatesOf(SEED_ARTICLE), [
    ['Group 2', 1, 'quantity', '28 million tons', 28, 'million tons', 'equal'],
    ['Group 2', 1, 'rank', 'ranking fifth globally', 5, 'rank', 'rank'],
    ['Group 2', 1, 'percentage', '2%', 2, '%', 'equal'],
    ['Group 2', 1, 'percentage', 'less than 1%', 1, '%', 'less-than'],
    ['Group 2', 2, 'quantity', 'three main challenges', 3, 'challenges', 'equal'],
    ['Group 2', 3, 'quantity', 'about 1,200 engineers', 1200, 'engineers', 'about'],
    ['Group 3', 3, 'range', 'from 55% to 78%', [55, 78], '%', 'equal'],
  ]);
});

const SECOND_ARTICLE = `Russia's rare earth strategy to 2030
Example Policy Review·2026-03-14 09:30

Group 1 - The ministry plans to invest $3.5 billion in new processing plants by 2030 [2] - Output of separated oxides reached 40,000 tonnes last year, and Russia ranked 3rd worldwide among producers of scandium [4][5] - Only 12 of 30 licensed deposits are in production, the first step being new permits [7] Group 2 - The share of domestic demand met at home rose from 35% to 52% over five years [8] - A new refinery takes about 18 months to build, and the first one is expected to open in 2027 [9] - Exports fell by more than 15% after the ministry's statement of 9 March 2026 [11] Group 3 - Section 2.1 of the strategy names the first step: a survey of the Kola deposits after COVID-19 delays [12]`;

test('a second article offers one figure of each kind, and nothing from markers, dates, section numbers, codes or ordinals in prose', async () => {
  assert.deepEqual(await candidatesOf(SECOND_ARTICLE), [
    ['Group 1', 1, 'quantity', '$3.5 billion', 3.5, 'billion $', 'equal'],
    ['Group 1', 1, 'target-year', 'by 2030', 2030, 'year', 'equal'],
    ['Group 1', 2, 'quantity', '40,000 tonnes', 40000, 'tonnes', 'equal'],
    ['Group 1', 2, 'rank', 'ranked 3rd worldwide', 3, 'rank', 'rank'],
    ['Group 1', 3, 'count', '12 of 30 licensed deposits', 12, 'of 30 deposits', 'equal'],
    ['Group 2', 1, 'range', 'from 35% to 52%', [35, 52], '%', 'equal'],
    ['Group 2', 1, 'duration', 'five years', 5, 'years', 'equal'],
    ['Group 2', 2, 'duration', 'about 18 months', 18, 'months', 'about'],
    ['Group 2', 2, 'target-year', 'in 2027', 2027, 'year', 'equal'],
    ['Group 2', 3, 'percentage', 'more than 15%', 15, '%', 'more-than'],
  ]);
});
