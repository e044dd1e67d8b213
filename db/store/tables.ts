// The tables that hold a brief's items, parents before children (the order rows can be
// inserted in without breaking a foreign key). Merge, receive and migrations walk this list;
// it is our own constant, so interpolating these names into SQL is safe.
// prettier-ignore
export const ITEM_TABLES = [
  'brief', 'sources',                       // the brief and what it is read from
  'themes', 'claims', 'citations',          // the source's structure
  'indicators', 'observations',             // figures and their history
  'notes', 'annotations', 'tags', 'note_tags', 'palette', // the analyst's own work
  'judgments', 'evidence_links',            // the analyst's answer and what it rests on
  'citation_grades', 'export_settings',     // grades of the references; the composer's settings
  'dismissed_figures',                      // figures the analyst does not want as indicators
] as const;

export type ItemTable = (typeof ITEM_TABLES)[number];

export const isItemTable = (name: string): name is ItemTable => (ITEM_TABLES as readonly string[]).includes(name);
