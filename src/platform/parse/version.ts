/** Dotted version helpers: the connector's folder names are versions like 7.4.5.20701. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export const isVersion = (s: string) => /^\d+(\.\d+){1,3}$/.test(s);

/** From `where /R DIR sfc.exe` lines, the sfc.exe in the highest version folder. */
export function pickHighestSfc(whereOutput: string): { path: string; version: string } | undefined {
  const found = whereOutput
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((path) => {
      const parts = path.split(/[\\/]/);
      return { path, version: parts[parts.length - 2] ?? '' };
    })
    .filter((c) => /^sfc\.exe$/i.test(c.path.split(/[\\/]/).pop() ?? '') && isVersion(c.version));
  found.sort((a, b) => compareVersions(b.version, a.version));
  return found[0];
}

/** Isolation exists on Windows connector 7.0.5+ and macOS connector 1.21.0+. */
export function supportsIsolation(os: 'windows' | 'macos', version: string | undefined): boolean | undefined {
  if (!version || !isVersion(version)) return undefined;
  return compareVersions(version, os === 'windows' ? '7.0.5' : '1.21.0') >= 0;
}
