import { hostname, userInfo } from 'node:os';

/** The local user, for reports and lock files; userInfo() throws for a uid with no passwd entry (containers). */
export function localUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** user@host of whoever runs the tool: the default console comment and the report's "who". */
export const operator = (): string => `${localUser()}@${hostname()}`;
