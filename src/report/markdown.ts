import type { SessionResult } from '../runner/result.js';

/** The ticket summary: what a helpdesk tech pastes into the incident, secrets already masked. */
export function renderMarkdown(r: SessionResult): string {
  const lines: string[] = [];
  lines.push(`# isolation-rescue session ${r.session}`, '');
  lines.push(`- Result: **${r.outcome}** (exit ${r.exitCode}) — ${r.message}`);
  if (r.hint) lines.push(`- Next: ${r.hint}`);
  lines.push(`- Endpoint: ${r.endpoint}${r.simulated ? ' (simulation)' : ''}${r.dryRun ? ' (dry run: nothing changed)' : ''}`);
  lines.push(`- Operator: ${r.operator}; tool ${r.version}; executor ${r.executor}`);
  lines.push(`- Started ${r.startedAt}, finished ${r.finishedAt}`);
  if (r.uiCheck) lines.push(`- The tech, asked whether the Secure Endpoint UI shows "Isolation: Not Isolated": ${r.uiCheck}`);
  if (r.resumedFrom) lines.push(`- Continues session ${r.resumedFrom.session} (${r.resumedFrom.method})`);
  lines.push('');
  const facts = (label: string, f: SessionResult['before']) => {
    if (!f) return;
    lines.push(`## ${label}`, '');
    lines.push(`| OS | connector | version | service | isolated | GUID | elevated |`, `|---|---|---|---|---|---|---|`);
    lines.push(`| ${f.os} | ${f.connector.present ? 'yes' : 'no'} | ${f.connector.version ?? '?'} | ${f.service.name ?? '?'} (${f.service.state ?? '?'}) | ${f.isolated ?? '?'} | ${f.guid ?? '?'} | ${f.elevated ?? '?'} |`, '');
    for (const n of f.notes) lines.push(`- note: ${n}`);
    if (f.notes.length) lines.push('');
  };
  facts('State before', r.before);
  lines.push('## Rungs', '');
  for (const rung of r.rungs) {
    lines.push(`### ${rung.method}: ${rung.status}${rung.reason ? ` — ${rung.reason}` : ''}`, '');
    for (const s of rung.steps) {
      lines.push(`- ${s.ok === false ? '✖' : '✔'} ${s.title}${s.detail ? ` (${s.detail})` : ''}`);
      for (const c of s.commands) lines.push(`  - \`${c.argv.join(' ')}\` → exit ${c.exitCode}${c.timedOut ? ' (timed out)' : ''}${c.skipped ? ' (dry run: not run)' : ''}, ${c.durationMs} ms`);
    }
    for (const v of rung.verifications) lines.push(`- verification: ${v.ok ? 'passed' : 'failed'} ${JSON.stringify(v.checks)}`);
    for (const b of rung.backups) lines.push(`- backup: ${b.original} → ${b.backup}`);
    for (const s of rung.serviceRestarts) lines.push(`- service ${s.service} started again: ${s.ok ? 'yes' : `NO (${s.detail})`}`);
    for (const h of rung.hints) lines.push(`> ${h}`);
    lines.push('');
  }
  facts('State after', r.after);
  lines.push('## For the security team', '');
  if (r.tamperingLikeSteps.length === 0) lines.push('No step of this session looks like tampering with the security agent.');
  else {
    lines.push('These steps were taken on purpose to release a stuck isolation; detections may flag them:');
    for (const s of r.tamperingLikeSteps) lines.push(`- ${s}`);
  }
  return lines.join('\n') + '\n';
}
