import { randomUUID } from 'node:crypto';

/** ISO-8601 UTC timestamp, the form every row's created_at/updated_at uses. */
export const now = (): string => new Date().toISOString();

export const newId = (): string => randomUUID();
