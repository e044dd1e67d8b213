// The read room: a brief as the views see it (re-anchored highlights, formatted figures), the
// patch an edit sends back, counts, and search.
export { BriefStore } from './brief-store.ts';
export { Search, SEARCH_LIMIT } from './search.ts';
