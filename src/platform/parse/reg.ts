/** Parsers for reg.exe output. */

export interface RegValue {
  name: string;
  type: string;
  data: string;
}

/** Values listed by `reg query KEY [/v NAME]`: lines of NAME, REG_TYPE and data separated by 4 spaces. */
export function parseRegQuery(text: string): RegValue[] {
  const values: RegValue[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s{2,}(.+?)\s{4}(REG_[A-Z_]+)(?:\s{4}(.*))?$/.exec(line);
    if (m) values.push({ name: m[1], type: m[2], data: (m[3] ?? '').trimEnd() });
  }
  return values;
}

/** "ERROR: The system was unable to find the specified registry key or value." (reg exits 1 for every error, so read the text). */
export function isRegNotFound(text: string): boolean {
  return /unable to find the specified registry key or value/i.test(text);
}

export function isRegSuccess(exitCode: number, text: string): boolean {
  return exitCode === 0 && !/^\s*ERROR:/im.test(text);
}
