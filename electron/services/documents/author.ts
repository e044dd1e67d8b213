import { userInfo } from 'node:os';

/** Who the app writes as: the OS account name, until the user sets a name of their own. */
export function defaultAuthor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
