// The seed room: the embedded brief a new user opens on, and the user's working store seeded with it.
export { importEmbeddedBrief } from './embedded-brief.ts';
export { SEED_ARTICLE, SEED_ARTICLE_FILE } from './article-text.ts';
export { openWorkspace, type Workspace } from './workspace.ts';
