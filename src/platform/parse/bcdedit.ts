/** The safeboot value of the {current} loader in `bcdedit /enum` output (Minimal, Network...), or undefined. */
export function parseBcdSafeboot(text: string): string | undefined {
  const m = /^safeboot\s+(\S+)/im.exec(text);
  return m ? m[1] : undefined;
}
