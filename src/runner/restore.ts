import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CancelledError, RescueError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { m, t, type Msg } from '../messages/index.js';
import { RecordingShell } from '../ladder/shell.js';
import type { StepRecord } from '../report/transcript.js';
import { readJson, writeJson } from '../safety/json-file.js';
import { restoreBackups, type RestoredItem, type StepRunner } from '../safety/restore.js';
import { ServiceGuard } from '../safety/service-guard.js';
import { operator } from '../operator.js';
import { VERSION } from '../version.js';
import type { Options } from '../options.js';
import { holdEndpointLock } from './endpoint-lock.js';
import { endpointKey, newSessionId, openEndpoint } from './setup.js';
import { detectFacts, secretList } from './session.js';
import type { SessionResult } from './result.js';
import type { Out } from './print.js';
import { withSignals } from './signals.js';

export interface RestoreResult {
  tool: 'isolation-rescue';
  version: string;
  command: 'restore';
  session: string;
  startedAt: string;
  finishedAt: string;
  exitCode: number;
  outcome: 'restored' | 'not-restored' | 'declined' | 'cancelled';
  message: string;
  endpoint: string;
  operator: string;
  dryRun: boolean;
  items: RestoredItem[];
  steps: StepRecord[];
  reportFile?: string;
}

const sessionsDir = (options: Options) => join(options.stateDir, 'sessions');

/** `restore` alone lists the sessions whose backups can be put back; `restore SESSION` puts them back. */
export async function runRestore(options: Options, env: NodeJS.ProcessEnv, out: Out, ask?: (question: string) => Promise<boolean>): Promise<number> {
  if (!options.session) return listSessions(options, out);
  const saved = readJson<SessionResult | undefined>(join(sessionsDir(options), options.session, 'session.json'), undefined);
  if (!saved) throw new RescueError(t('restore.noSuchSession', { session: options.session }), EXIT.usage, t('restore.listHint'));
  if (!saved.backups?.length) throw new RescueError(t('restore.nothingToRestore', { session: options.session }), EXIT.usage);
  if (saved.simulated !== Boolean(options.simulate) || (options.simulate && saved.before?.os !== options.simulate)) {
    throw new RescueError(t('restore.otherEndpoint', { session: saved.session, endpoint: saved.endpoint }), EXIT.usage, t('restore.sameEndpointHint'));
  }

  const question = t('restore.confirm', { count: saved.backups.length, session: saved.session, list: saved.backups.map((b) => b.original).join(', ') });
  if (!options.yes) {
    if (!ask) throw new RescueError(t('restore.needsYes'), EXIT.usage, t('restore.yesHint'));
    if (!(await ask(question))) {
      out.err(`${t('restore.declined')}\n`);
      return EXIT.notRecovered;
    }
  }
  const result = await withSignals((signal) => restore(saved, options, env, signal));
  if (options.json) out.out(JSON.stringify(result, null, 2) + '\n');
  else {
    for (const i of result.items) out.out(`${i.ok ? '✔' : '✖'} ${i.original} <- ${i.backup}\n`);
    out.out(`${result.message}\n`);
    if (result.reportFile) out.out(`${t('summary.report')}: ${result.reportFile}\n`);
  }
  return result.exitCode;
}

async function restore(saved: SessionResult, options: Options, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<RestoreResult> {
  const releaseLock = holdEndpointLock(options.stateDir, endpointKey(options), 'restore');
  const startedAt = new Date();
  const result: RestoreResult = {
    tool: 'isolation-rescue', version: VERSION, command: 'restore', session: saved.session, startedAt: startedAt.toISOString(), finishedAt: '',
    exitCode: EXIT.unexpected, outcome: 'not-restored', message: '', endpoint: '', operator: operator(), dryRun: options.dryRun, items: [], steps: [],
  };
  const guard = new ServiceGuard();
  let sh: RecordingShell | undefined;
  const finish = (code: number, outcome: RestoreResult['outcome'], message: Msg) => Object.assign(result, { exitCode: code, outcome, message: t(message) });
  try {
    const endpoint = await openEndpoint(options, env);
    result.endpoint = endpoint.label;
    const { facts } = await detectFacts(endpoint, options, env, signal);
    if (facts.os !== saved.before?.os) return finish(EXIT.usage, 'not-restored', m('restore.otherEndpoint', { session: saved.session, endpoint: saved.endpoint }));
    if (facts.elevated === false) return finish(EXIT.notElevated, 'not-restored', facts.os === 'windows' ? m('hint.elevateWindows') : m('hint.elevateMacos'));
    sh = new RecordingShell(endpoint.executor, () => secretList(options), (c) => result.steps[result.steps.length - 1]?.commands.push(c), signal);
    const step: StepRunner = async (id, title, fn, judge) => {
      const record: StepRecord = { id, title: t(title), commands: [] };
      result.steps.push(record);
      const value = await fn();
      record.ok = judge ? judge(value) : true;
      return value;
    };
    const r = await restoreBackups(sh, facts, saved.backups, guard, { password: options.secrets.protectionPassword, dryRun: options.dryRun }, step);
    result.items = r.items;
    if (options.dryRun) return finish(EXIT.notRecovered, 'not-restored', m('outcome.dryRun'));
    return r.ok ? finish(EXIT.recovered, 'restored', m('restore.done', { count: r.items.length })) : finish(EXIT.notRecovered, 'not-restored', r.reason ?? m('restore.someFailed', { count: 0 }));
  } catch (err) {
    if (err instanceof CancelledError) return finish(EXIT.cancelled, 'cancelled', m('outcome.cancelled', { signal: err.signal }));
    if (err instanceof RescueError) return finish(err.exitCode, 'not-restored', m('error.plain', { detail: err.message }));
    return finish(EXIT.unexpected, 'not-restored', m('error.unexpected', { detail: (err as Error).message }));
  } finally {
    const service = guard.pending;
    if (sh && service) {
      const restarted = await guard.restore(sh.uncancellable());
      result.steps.push({ id: 'service-restart', title: t('progress.serviceRestarted', { service, detail: '' }), ok: restarted?.ok, commands: [] });
    }
    result.finishedAt = new Date().toISOString();
    result.reportFile = join(sessionsDir(options), saved.session, `restore-${newSessionId(startedAt)}.json`);
    writeJson(result.reportFile, result);
    releaseLock();
  }
}

function listSessions(options: Options, out: Out): number {
  const dir = sessionsDir(options);
  const ids = existsSync(dir) ? readdirSync(dir).sort().reverse() : [];
  const sessions = ids
    .map((id) => readJson<SessionResult | undefined>(join(dir, id, 'session.json'), undefined))
    .filter((s): s is SessionResult => Boolean(s?.backups?.length))
    .map((s) => ({ session: s.session, startedAt: s.startedAt, endpoint: s.endpoint, simulated: s.simulated, outcome: s.outcome, backups: s.backups.map((b) => b.original) }));
  if (options.json) {
    out.out(JSON.stringify({ tool: 'isolation-rescue', command: 'restore', sessions }, null, 2) + '\n');
    return EXIT.recovered;
  }
  if (!sessions.length) {
    out.out(`${t('restore.noSessions', { dir })}\n`);
    return EXIT.recovered;
  }
  out.out(`${t('restore.listTitle')}\n`);
  for (const s of sessions) out.out(`  ${s.session}  ${s.endpoint}  ${s.outcome}  ${s.backups.join(', ')}\n`);
  out.out(`${t('restore.listFooter')}\n`);
  return EXIT.recovered;
}
