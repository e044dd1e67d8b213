// The tables that hold a brief's items, parents before children (the order rows can be
// inserted in without breaking a foreign key). Merge, receive and migrations walk this list;
// it is our own constant, so interpolating these names into SQL is safe.
export const ITEM_TABLES = [
  'brief',
  'sources',
  'themes',
  'claims',
  'citations',
  'indicators',
  'observations',
  'notes',
  'annotations',
  'tags',
  'note_tags',
  'palette',
] as const;

export type ItemTable = (typeof ITEM_TABLES)[number];

export const isItemTable = (name: string): name is ItemTable => (ITEM_TABLES as readonly string[]).includes(name);
