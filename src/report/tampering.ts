import type { Transcript } from './transcript.js';

/** Commands a SOC's detections may read as tampering with the security agent; the ticket should name them. */
const PATTERNS: { test: (argv: string[]) => boolean; label: string }[] = [
  { test: (a) => /sc(\.exe)?$/i.test(a[0]) && a[1]?.toLowerCase() === 'stop', label: 'stopped the Secure Endpoint service (sc stop)' },
  { test: (a) => /sfc(\.exe)?$/i.test(a[0]) && a[1]?.toLowerCase() === '-k', label: 'stopped the connector with the Connector Protection password (sfc.exe -k)' },
  { test: (a) => /reg(\.exe)?$/i.test(a[0]) && a[1]?.toLowerCase() === 'delete', label: 'deleted the unlock_code registry value under HKLM\\SOFTWARE\\Immunet Protect' },
  { test: (a) => /cmd(\.exe)?$/i.test(a[0]) && a.some((x) => x.toLowerCase() === 'del'), label: "deleted the connector's jobs.db" },
  { test: (a) => /bcdedit(\.exe)?$/i.test(a[0]) && a.some((x) => x.toLowerCase() === 'safeboot') && a[1]?.toLowerCase() === '/set', label: 'set safe boot (bcdedit /set safeboot)' },
  { test: (a) => /shutdown(\.exe)?$/i.test(a[0]), label: 'rebooted the computer' },
  { test: (a) => a[0] === 'rm' && a.some((x) => x.endsWith('endpoint_isolation.xml')), label: 'removed endpoint_isolation.xml' },
  { test: (a) => a[0] === 'launchctl' && a[1] === 'unload', label: 'unloaded the Secure Endpoint daemon (launchctl unload)' },
];

export function tamperingLikeSteps(transcript: Transcript): string[] {
  const found = new Set<string>();
  for (const c of transcript.commands) {
    if (c.skipped) continue;
    for (const p of PATTERNS) if (p.test(c.argv)) found.add(p.label);
  }
  return [...found];
}
