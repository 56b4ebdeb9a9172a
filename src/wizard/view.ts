import { t } from '../messages/index.js';
import type { MessageId } from '../messages/index.js';
import type { Facts } from '../platform/facts.js';
import type { Method } from '../ladder/types.js';
import { runbookFor } from '../runbook/plans.js';
import type { SessionResult } from '../runner/result.js';
import { displayWidth, wrap, type Style } from './style.js';

/** What the wizard shows, as text: pure functions of the facts and results, within `width` columns. */

const yesNo = (v: boolean | undefined) => (v === undefined ? t('status.unknown') : v ? t('status.yes') : t('status.no'));

export function panel(f: Facts, endpoint: string, consoleLabel: string | undefined, s: Style, width: number): string {
  const c = f.connector;
  const rows: [MessageId, string][] = [
    ['wizard.os', f.os],
    ['wizard.connector', c.present ? `${c.version ?? '?'}${c.installDir ? `  ${c.installDir}` : ''}` : t('wizard.notFound')],
    ['wizard.service', f.service.name ? `${f.service.name} (${f.service.state ?? '?'})` : t('wizard.notFound')],
    ['wizard.isolated', yesNo(f.isolated)],
    ['wizard.guid', f.guid ?? t('status.unknown')],
    ['wizard.admin', yesNo(f.elevated)],
    ['wizard.api', consoleLabel ? t('wizard.apiYes', { console: consoleLabel }) : t('wizard.apiNo')],
  ];
  // Padded by terminal columns: Japanese labels are two columns a character.
  const keyWidth = Math.max(...rows.map(([k]) => displayWidth(t(k))));
  const lines = [s.bold(wrap(t('wizard.title', { endpoint }), width))];
  for (const [k, v] of rows) lines.push(wrap(`  ${t(k)}${' '.repeat(keyWidth - displayWidth(t(k)))}  ${v}`, width, keyWidth + 4));
  for (const n of f.notes) lines.push(s.dim(wrap(`  ${t('status.note')}: ${n}`, width, 4)));
  return lines.join('\n');
}

/**
 * The first rung the ladder would really try here, and the message that says why. The console needs
 * credentials and a computer to name, which the wizard asks for when it has neither.
 */
export function recommend(f: Facts, methods: Method[], console: 'ready' | 'can-ask' | 'no'): { method: Method; why: MessageId } {
  if (methods.includes('console') && console !== 'no') return { method: 'console', why: console === 'ready' ? 'wizard.why.console' : 'wizard.why.consoleAsk' };
  const local = methods.find((m) => m !== 'console' && (m !== 'unlock-code' || f.connector.cliPath));
  const method = local ?? methods[0];
  return { method, why: `wizard.why.${method}` as MessageId };
}

/** Before a rung: what it does and its risk, then the exact commands (values known only later as <...>). */
export function rungIntro(method: Method, f: Facts, consoleLabel: string | undefined, s: Style, width: number): string {
  const lines = ['', s.bold(`── ${method} ${'─'.repeat(Math.max(0, Math.min(width, 60) - method.length - 4))}`), wrap(t(`wizard.intro.${method}` as MessageId), width)];
  const commands = method === 'console' ? [t('wizard.consoleCommands', { url: consoleLabel ?? '', guid: f.guid ?? '<GUID>' })] : commandLines(method, f);
  if (commands.length) {
    lines.push(s.dim(t('wizard.commands')));
    for (const c of commands) lines.push(s.dim(wrap(c, width, 6, '    ')));
  }
  return lines.join('\n');
}

const PLACEHOLDER: Record<string, string> = { SVC: '<service>', SFC: '<sfc.exe>', CODE: '********', AMPCLI: '<ampcli>' };

function commandLines(method: Method, f: Facts): string[] {
  if (f.os !== 'windows' && f.os !== 'macos') return [];
  let steps;
  try {
    steps = runbookFor(f.os, method, '', f.os === 'windows' ? 'BACKUPS\\SESSION' : 'BACKUPS/SESSION').steps;
  } catch {
    return [];
  }
  const show = (a: string) => {
    const v = a.replace(/\u0000([A-Z]+)\u0000/g, (_all, name: string) => PLACEHOLDER[name] ?? `<${name}>`);
    return /\s/.test(v) ? `"${v}"` : v;
  };
  return steps.flatMap((st) => (st.kind === 'run' ? [[st.command.program, ...st.command.args].map(show).join(' ')] : []));
}

/** The end: what was done, the state now, backups, the report, and what to do next. */
export function summary(r: SessionResult, s: Style, width: number): string {
  const lines = ['', s.bold(t('wizard.summary'))];
  const color = r.exitCode === 0 ? s.ok : r.exitCode === 130 ? s.warn : s.bad;
  lines.push(color(wrap(`${r.outcome}: ${r.message}`, width, 2)));
  const ran = r.rungs.filter((x) => x.status !== 'skipped').map((x) => `${x.method} (${x.status})`);
  lines.push(wrap(ran.length ? t('wizard.done', { rungs: ran.join(', ') }) : t('wizard.nothingDone'), width, 2));
  if (r.after) lines.push(t('wizard.finalState', { isolated: yesNo(r.after.isolated), service: r.after.service.state ?? '?' }));
  if (r.backups.length) lines.push(wrap(t('wizard.backups', { list: r.backups.map((b) => b.backup).join(', ') }), width, 2));
  if (r.hint) lines.push(wrap(`${t('summary.next')}: ${r.hint}`, width, 2));
  if (r.reportFiles) {
    lines.push(wrap(t('wizard.report', { file: r.reportFiles.markdown }), width, 2));
    // Only when something was done on the endpoint is there anything for the security team to read.
    if (r.exitCode !== 0 && ran.length) lines.push(wrap(t('wizard.forSoc', { file: r.reportFiles.markdown }), width, 2));
  }
  return lines.join('\n');
}
