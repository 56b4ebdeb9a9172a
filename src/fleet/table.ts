import type { FleetRow } from './release.js';

/** The per-computer result table: fixed columns, fits 80 columns without the codes (GUIDs are 36 wide). */
export function renderTable(rows: FleetRow[], showCodes: boolean): string {
  const head = ['HOST', 'CONNECTOR GUID', 'BEFORE', 'AFTER', 'RESULT', ...(showCodes ? ['UNLOCK CODE'] : [])];
  const body = rows.map((r) => [
    (r.hostname ?? r.asked).slice(0, 24),
    r.guid ?? '-',
    short(r.before),
    short(r.after ?? r.before),
    r.result ?? '?',
    ...(showCodes ? [r.unlockCode ?? '-'] : []),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join(' ');
  const details = rows.filter((r) => r.detail).map((r) => `  ${r.hostname ?? r.asked}: ${r.detail}`);
  return [line(head), ...body.map(line), ...(details.length ? ['', ...details] : [])].join('\n') + '\n';
}

/** Shorter status names so the table stays narrow. */
function short(status: string | undefined): string {
  switch (status) {
    case undefined:
      return '?';
    case 'not_isolated':
      return 'released';
    default:
      return status;
  }
}
