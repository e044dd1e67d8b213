import type { Db } from '../connection.ts';
import { parseArticle } from '../importer/article.ts';
import { importArticle } from '../importer/brief-import.ts';
import { SEED_ARTICLE } from './article-text.ts';
import { SEED_EXTRAS, SEED_INDICATORS } from './embedded-brief.ts';

/** Writes the embedded default brief (the 2025-11-09 Sohu Cai Jing analysis) into an empty store. */
export function importEmbeddedBrief(db: Db, author: string): string {
  return importArticle(db, parseArticle(SEED_ARTICLE), { author, extras: SEED_EXTRAS, indicators: SEED_INDICATORS });
}
