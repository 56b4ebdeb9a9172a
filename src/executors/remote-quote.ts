/**
 * Quoting for a shell at the other end (ssh runs its command through the remote user's shell, and a
 * runbook is read by one): each argument must reach the program as exactly the same single argument.
 */

/** POSIX sh: single quotes keep everything literal; a single quote itself is closed, escaped, reopened. */
export const posixWord = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** Characters cmd.exe acts on even inside double quotes (expansion, escape, line breaks), or that end the quotes. */
export const CMD_UNSAFE = /["%!^\r\n\u0000]/;

/** cmd.exe: a plain token as it is, anything else in double quotes; null for text cmd.exe would interpret. */
export function cmdWord(text: string): string | null {
  if (CMD_UNSAFE.test(text)) return null;
  return /^[A-Za-z0-9._:\\/=+-]+$/.test(text) ? text : `"${text}"`;
}
