/** `manage-bde -status`: is any volume's protection on (so safe boot may ask for the recovery key)? */
export function parseBitLockerProtection(text: string): 'on' | 'off' | 'unknown' {
  const statuses = [...text.matchAll(/Protection Status:\s*Protection (On|Off)/gi)].map((m) => m[1].toLowerCase());
  if (statuses.includes('on')) return 'on';
  if (statuses.includes('off')) return 'off';
  return 'unknown';
}
