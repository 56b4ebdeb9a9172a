/**
 * The form check that runs before any attempt, so none of the five is wasted on a typo or a paste
 * accident: 1 to 24 characters, letters, digits, '.', '_' or '-'. Console codes look like "fwq8qw";
 * shell metacharacters, quotes, whitespace and control characters are refused outright.
 */
const FORM = /^[A-Za-z0-9._-]{1,24}$/;

export function isUnlockCodeWellFormed(code: string): boolean {
  return FORM.test(code);
}

/** Why a code is refused, for the error message (never echoing the code itself). */
export function unlockCodeProblem(code: string): string | undefined {
  if (FORM.test(code)) return undefined;
  if (code.length === 0) return 'it is empty';
  if (code.length > 24) return `it is ${code.length} characters long (at most 24)`;
  if (/\s/.test(code)) return 'it contains whitespace or a line break';
  return "it contains a character other than letters, digits, '.', '_' and '-'";
}
