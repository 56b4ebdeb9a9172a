/**
 * Elevation from `whoami /groups`: the integrity label's SID is language-independent.
 * S-1-16-12288 High, S-1-16-16384 System mean elevated; S-1-16-8192 Medium means not.
 */
export function parseWhoamiElevated(text: string): boolean | undefined {
  if (/S-1-16-(12288|16384)\b/.test(text)) return true;
  if (/S-1-16-(8192|8448|4096|0)\b/.test(text)) return false;
  return undefined;
}
