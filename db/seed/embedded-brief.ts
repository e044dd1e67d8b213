import { importArticle, parseArticle, type ArticleExtras, type CuratedIndicator } from '../import/index.ts';
import type { Db } from '../store/index.ts';
import { SEED_ARTICLE } from './article-text.ts';

// What the article itself does not carry, added by hand and reviewed against its text.
// Nothing here may state a fact the article does not: the translation is labelled as ours,
// and every indicator quotes the words of the claim it is read from (the importer checks the quote).

const REPORTED = 'as reported in the source';

export const SEED_EXTRAS: ArticleExtras = {
  originalLanguage: 'zh',
  bodyLanguage: 'en',
  titleTranslation: 'After the Russian prime minister returned to Moscow, Putin gave the order: from today, reduce dependence on China',
  translationNote: 'Translation by Briefing Desk; not part of the source.',
};

export const SEED_INDICATORS: readonly CuratedIndicator[] = [
  {
    name: 'Rare earth reserves (Russia)',
    unit: 'million tons',
    group: 2,
    claim: 1,
    observations: [{ value: 28, comparator: 'equal', quote: 'rare earth reserves of 28 million tons', asOfNote: REPORTED }],
  },
  {
    name: 'Global rank of Russia’s rare earth reserves',
    unit: 'rank',
    group: 2,
    claim: 1,
    observations: [{ value: 5, comparator: 'rank', quote: 'ranking fifth globally', asOfNote: REPORTED }],
  },
  {
    name: 'Share of proven reserves extracted',
    unit: '%',
    group: 2,
    claim: 1,
    observations: [{ value: 2, comparator: 'equal', quote: 'only extracts 2% of its proven reserves', asOfNote: REPORTED }],
  },
  {
    name: 'Russia’s share of global rare earth production',
    unit: '%',
    group: 2,
    claim: 1,
    observations: [{ value: 1, comparator: 'less-than', quote: 'less than 1% of global production', asOfNote: REPORTED }],
  },
  {
    name: 'Main challenges to the industry’s development',
    unit: 'challenges',
    group: 2,
    claim: 2,
    observations: [
      { value: 3, comparator: 'equal', quote: 'three main challenges: technology, funding, and environmental factors', asOfNote: REPORTED },
    ],
  },
  {
    name: 'Engineers working in the rare earth sector',
    unit: 'engineers',
    group: 2,
    claim: 3,
    observations: [
      { value: 1200, comparator: 'about', quote: 'only about 1,200 engineers currently working in this field', asOfNote: REPORTED },
    ],
  },
  {
    name: 'Rare earth recycling recovery rate',
    unit: '%',
    group: 3,
    claim: 3,
    // "from 55% to 78%": a history of two values. The source dates only the later one (by publication).
    observations: [
      {
        value: 55,
        comparator: 'equal',
        quote: 'increasing recovery rates from 55% to 78%',
        asOf: null,
        asOfNote: 'earlier value; the source gives no date',
      },
      { value: 78, comparator: 'equal', quote: 'increasing recovery rates from 55% to 78%', asOfNote: REPORTED },
    ],
  },
];

/** Writes the embedded default brief (the 2025-11-09 Sohu Cai Jing analysis) into an empty store. */
export function importEmbeddedBrief(db: Db, author: string): string {
  return importArticle(db, parseArticle(SEED_ARTICLE), { author, extras: SEED_EXTRAS, indicators: SEED_INDICATORS });
}
