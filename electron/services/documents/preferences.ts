import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../../db/files/index.ts';
import { invalidInput } from '../../../common/errors.ts';
import type { AuthorView } from '../../../common/ipc/contract.ts';
import { defaultAuthor } from './author.ts';

// Who is writing: the name (and unit) the user gives on first start, kept in the profile folder.
// Highlights, notes, edits and the PDF byline use it. Until the user answers, the app's own name
// stands in (never the operating system's account name, unless the user picks it).

/** Who wrote what the app put there before the user gave a name (the embedded brief, say). */
export const UNNAMED_AUTHOR = 'Briefing Desk';

const NAME = z
  .string()
  .trim()
  .min(1, 'Give your name, as colleagues should see it on your highlights and notes.')
  .max(100, 'A name is at most 100 characters.')
  .refine((text) => !/\p{Cc}/u.test(text), 'A name cannot hold control characters.');
const UNIT = z
  .string()
  .trim()
  .max(100, 'A unit is at most 100 characters.')
  .refine((text) => !/\p{Cc}/u.test(text), 'A unit cannot hold control characters.');
export const preferencesSchema = z.strictObject({ name: NAME, unit: UNIT });
export type UserPreferences = z.infer<typeof preferencesSchema>;

export class Preferences {
  readonly #path: string;
  #current: UserPreferences | null;

  constructor(userData: string) {
    this.#path = join(userData, 'preferences.json');
    this.#current = this.#read();
  }

  /** The name edits are signed with. */
  get author(): string {
    return this.#current?.name ?? UNNAMED_AUTHOR;
  }

  /** "Ada Lovelace, Rare Earths Desk": how a brief's byline names its author. */
  get byline(): string {
    return this.#current ? [this.#current.name, this.#current.unit].filter(Boolean).join(', ') : '';
  }

  view(): AuthorView {
    return {
      name: this.#current?.name ?? '',
      unit: this.#current?.unit ?? '',
      accountName: defaultAuthor(),
      chosen: this.#current !== null,
    };
  }

  /** Keeps the user's answer; a refusal names the field (zod's message, one sentence). */
  set(input: unknown): AuthorView {
    const parsed = preferencesSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalidInput(String(issue.path[0] ?? 'name'), issue.message);
    }
    writeFileAtomic(this.#path, `${JSON.stringify(parsed.data, null, 2)}\n`);
    this.#current = parsed.data;
    return this.view();
  }

  /** A missing, unreadable or hand-mangled file counts as "not asked yet": the app asks again. */
  #read(): UserPreferences | null {
    if (!existsSync(this.#path)) return null;
    try {
      const parsed = preferencesSchema.safeParse(JSON.parse(readFileSync(this.#path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
