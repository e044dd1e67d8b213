// The import room: a source article's text read into themes, claims, citations and indicators.
export { articleFromSource, parseArticle, type ParsedArticle, type ParsedGroup } from './article.ts';
export {
  importArticle,
  createEmptyBrief,
  type ArticleExtras,
  type CuratedIndicator,
  type CuratedObservation,
  type ImportOptions,
} from './brief-import.ts';
