import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { CancelledError, RescueError } from '../errors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { m, t, type Msg } from '../messages/index.js';
import { plan, runLadder } from '../ladder/engine.js';
import { appliesTo, rungFor } from '../ladder/rungs/index.js';
import { RecordingShell } from '../ladder/shell.js';
import type { Confirm, LadderEvent, LadderOptions, Method, RungResult } from '../ladder/types.js';
import { Backups } from '../safety/backups.js';
import { UnlockLedger, type LedgerStatus } from '../safety/ledger.js';
import { ServiceGuard } from '../safety/service-guard.js';
import { Transcript } from '../report/transcript.js';
import { tamperingLikeSteps } from '../report/tampering.js';
import { writeSessionReport } from '../report/write.js';
import { joinEndpointPath } from '../platform/paths.js';
import type { Facts } from '../platform/facts.js';
import type { ComputerSummary } from '../cloud/console-api.js';
import type { Options } from '../options.js';
import { VERSION } from '../version.js';
import { operator } from '../operator.js';
import { endpointKey, newSessionId, openEndpoint, realConsole } from './setup.js';
import { detectFacts, secretList } from './session.js';
import type { SessionResult } from './result.js';
import { holdEndpointLock } from './endpoint-lock.js';
import { OUTCOME_EXIT, SKIP_EXIT, outcomeHint, outcomeMessage } from './outcome.js';
import { guidFromHostname } from './host-lookup.js';
import { clearResume, loadResume, saveResumeIfNeeded, type ResumeMarker } from './resume.js';

/** What differs between the scripted runner and the wizard: how to ask, and how to show progress. */
export interface RescueUi {
  confirm: Confirm;
  onEvent(event: LadderEvent): void;
  onDetected?(facts: Facts, endpointLabel: string): void;
  /** The wizard may pick the method after seeing the diagnosis; scripts use --method. */
  chooseMethod?(facts: Facts, recommended: Method | 'auto'): Promise<Method | 'auto' | undefined>;
  chooseNext?(after: Method, result: RungResult, hasNext: boolean): Promise<boolean | 'retry'>;
  onResume?(marker: ResumeMarker): void;
  /** The wizard asks for what the flags and environment did not give: API credentials, the unlock code. */
  askCredentials?(): Promise<{ clientId: string; apiKey: string } | undefined>;
  askUnlockCode?(status: LedgerStatus): Promise<string | undefined>;
  askProtectionPassword?(): Promise<string | undefined>;
  /** Several computers with the host name: the wizard lets the tech choose; undefined means none. */
  chooseComputer?(hostname: string, found: ComputerSummary[]): Promise<string | undefined>;
  /** From a machine with no connector: which computer the console should release (a host name or a GUID). */
  askComputer?(): Promise<{ hostname?: string; connectorGuid?: string } | undefined>;
  /** Before each rung runs: show what it will do; false declines it. For unlock-code: whose code, and the tries left. */
  approveRung?(method: Method, facts: Facts, code?: { source: 'flag' | 'console' | 'typed'; left: number }): Promise<boolean>;
}

/** One rescue session from detection to the report. Returns the result; the caller prints it. */
export async function rescue(options: Options, env: NodeJS.ProcessEnv, ui: RescueUi, signal: AbortSignal, reach: typeof openEndpoint = openEndpoint): Promise<SessionResult> {
  const startedAt = new Date();
  const session = newSessionId(startedAt);
  const releaseLock = holdEndpointLock(options.stateDir, endpointKey(options), options.dryRun ? 'rescue --dry-run' : 'rescue');
  let endpoint;
  try {
    endpoint = await reach(options, env);
  } catch (err) {
    releaseLock();
    throw err;
  }
  const transcript = new Transcript();
  const listen = (e: LadderEvent) => {
    transcript.listen(e);
    ui.onEvent(e);
  };
  const result: SessionResult = {
    tool: 'isolation-rescue',
    version: VERSION,
    session,
    command: 'rescue',
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    exitCode: EXIT.unexpected,
    outcome: 'error',
    message: '',
    method: options.method,
    executor: endpoint.executor.kind,
    simulated: Boolean(options.simulate),
    dryRun: options.dryRun,
    endpoint: endpoint.label,
    operator: operator(),
    detection: [],
    rungs: transcript.rungs,
    backups: [],
    tamperingLikeSteps: [],
  };
  const guard = new ServiceGuard();
  const fetched: { fetchedUnlockCode?: string } = {};
  // Secrets the tech typed into the wizard join those from the environment, for masking everywhere.
  const typed: string[] = [];
  const secrets = () => secretList(options, [fetched.fetchedUnlockCode, ...typed]);
  let current: Method = 'console';
  const sh = new RecordingShell(endpoint.executor, secrets, (command) => listen({ type: 'command', method: current, step: '', command }), signal);
  const trackingListen = (e: LadderEvent) => {
    if ('method' in e) current = e.method;
    listen(e);
  };

  const finish = (exitCode: number, outcome: string, message: Msg, hint?: Msg) => {
    result.exitCode = exitCode;
    result.outcome = outcome;
    result.message = t(message);
    if (hint) result.hint = t(hint);
    return result;
  };

  try {
    const detected = await detectFacts(endpoint, options, env, signal);
    result.before = detected.facts;
    result.detection = detected.commands;
    const facts = detected.facts;
    ui.onDetected?.(facts, endpoint.label);

    const resume = loadResume(options.stateDir, endpoint.key, endpoint.sim?.instance);
    if (resume) {
      if (!options.dryRun) clearResume(options.stateDir, endpoint.key);
      result.resumedFrom = { session: resume.session, method: resume.method };
      ui.onResume?.(resume);
      if (facts.isolated === false) {
        const params = { session: resume.session, method: resume.method };
        return finish(EXIT.recovered, 'recovered', m('resume.recovered', params), resume.method === 'safe-boot' ? m('resume.undoSafeBoot') : undefined);
      }
    }

    let method = options.method;
    if (ui.chooseMethod) {
      const chosen = await ui.chooseMethod(facts, method);
      if (!chosen) return finish(EXIT.notRecovered, 'declined', m('outcome.declined'));
      method = chosen;
      result.method = method;
    }
    if (facts.connector.present && facts.isolated === false && method !== 'console') {
      return finish(EXIT.recovered, 'not-isolated', m('outcome.notIsolated'));
    }
    if (!endpoint.console && !endpoint.sim && (method === 'auto' || method === 'console') && ui.askCredentials) {
      const creds = await ui.askCredentials();
      if (creds) {
        typed.push(creds.apiKey);
        endpoint.console = await realConsole(options, creds);
      }
    }
    // A tech's workstation knows no GUID of its own: the wizard asks which computer the console should release.
    let target: Options = options;
    if (endpoint.console && !options.connectorGuid && !options.hostname && !facts.guid && ui.askComputer) {
      const asked = await ui.askComputer();
      if (asked) target = { ...options, ...asked };
    }
    const early = precheckRun(method, facts, target, Boolean(endpoint.console));
    if (early) return finish(early.exitCode, early.outcome, early.message, early.hint);

    const connectorGuid = target.connectorGuid ?? (await guidFromHostname(target, endpoint.console, signal, ui.chooseComputer)) ?? facts.guid;
    const sessionBackupDir = joinEndpointPath(endpoint.backupRoot, session);
    const ladderOptions: LadderOptions = {
      unlockCode: options.secrets.unlockCode,
      protectionPassword: options.secrets.protectionPassword,
      reboot: options.reboot,
      allowLastAttempt: options.allowLastAttempt,
      comment: options.comment ?? `isolation-rescue ${VERSION} by ${result.operator}`,
      waitMs: options.waitSeconds * 1000,
      dryRun: options.dryRun,
    };
    const ledger = new UnlockLedger(options.stateDir);
    const connectorKey = endpoint.sim ? `simulated:${endpoint.sim.instance}` : (connectorGuid ?? `${facts.os}:${osHostname()}`);
    const codeInfo = () => {
      const code = ladderOptions.unlockCode ?? fetched.fetchedUnlockCode;
      if (!code) return undefined;
      const source = typed.includes(code) ? ('typed' as const) : code === ladderOptions.unlockCode ? ('flag' as const) : ('console' as const);
      return { source, left: ledger.status(connectorKey, endpoint.executor.now()).left };
    };
    const ladder = await runLadder(
      method,
      {
        sh,
        facts,
        options: ladderOptions,
        console: endpoint.console,
        ledger,
        connectorKey,
        guard,
        backups: facts.os === 'windows' || facts.os === 'macos' ? new Backups(facts.os, sessionBackupDir) : undefined,
        confirm: ui.confirm,
        shared: fetched,
        signal,
        connectorGuid,
        rebootsInline: endpoint.executor.rebootsInline,
      },
      trackingListen,
      {
        startAfter: resume?.method === 'jobs-db' ? 'jobs-db' : undefined,
        approve: ui.approveRung ? (rungMethod) => ui.approveRung!(rungMethod, facts, rungMethod === 'unlock-code' ? codeInfo() : undefined) : undefined,
        prepare: async (rungMethod, ctx) => {
          if (rungMethod !== 'unlock-code' || !ui.askUnlockCode || ctx.options.unlockCode || ctx.shared.fetchedUnlockCode || !facts.connector.present) return;
          const status = ctx.ledger.status(ctx.connectorKey, ctx.sh.now());
          if (status.lockedUntil) return;
          const code = await ui.askUnlockCode(status);
          if (code) {
            typed.push(code);
            ladderOptions.unlockCode = code;
          }
        },
        chooseNext: ui.chooseNext
          ? async (after, rungResult, hasNext) => {
              const next = await ui.chooseNext!(after, rungResult, hasNext);
              // Another try at the code means asking for it again: the one just used was refused.
              if (next === 'retry' && after === 'unlock-code') ladderOptions.unlockCode = fetched.fetchedUnlockCode = undefined;
              if (next === 'retry' && (after === 'registry' || after === 'jobs-db')) {
                // Connector Protection refused the stop: the same rung again, with the password for sfc.exe -k.
                const password = await ui.askProtectionPassword?.();
                if (!password) return hasNext;
                typed.push(password);
                ladderOptions.protectionPassword = password;
              }
              return next;
            }
          : undefined,
      },
    );
    const notElevated = ladder.outcome === 'not-recovered' && ladder.skipped.some((s) => s.kind === 'not-elevated');
    const code = ladder.skip ? SKIP_EXIT[ladder.skip.kind] : notElevated ? EXIT.notElevated : OUTCOME_EXIT[ladder.outcome];
    const outcome = options.dryRun && ladder.outcome !== 'skipped' ? 'dry-run' : ladder.skip ? `skipped:${ladder.skip.kind}` : ladder.outcome;
    if (options.dryRun && !ladder.skip) return finish(EXIT.notRecovered, outcome, m('outcome.dryRun'));
    return finish(code, outcome, outcomeMessage(ladder), outcomeHint(ladder, facts));
  } catch (err) {
    if (err instanceof CancelledError) return finish(EXIT.cancelled, 'cancelled', m('outcome.cancelled', { signal: err.signal }));
    if (err instanceof RescueError) return finish(err.exitCode, 'error', m('error.plain', { detail: err.message }));
    return finish(EXIT.unexpected, 'error', m('error.unexpected', { detail: (err as Error).message }));
  } finally {
    // Belt and braces: the engine restarts after each rung, this covers an exception between rungs.
    const service = guard.pending;
    if (service) {
      const r = await guard.restore(sh.uncancellable());
      if (r) listen({ type: 'service-restart', method: current, service, ok: r.ok, detail: r.detail });
    }
    await afterState(result, endpoint, options, env);
    result.backups = transcript.backups;
    result.tamperingLikeSteps = tamperingLikeSteps(transcript);
    result.finishedAt = new Date().toISOString();
    result.reportFiles = writeSessionReport(result, options.report ?? join(options.stateDir, 'sessions', session));
    saveResumeIfNeeded(options.stateDir, endpoint.key, result, endpoint.sim?.instance);
    releaseLock();
  }
}

async function afterState(result: SessionResult, endpoint: Awaited<ReturnType<typeof openEndpoint>>, options: Options, env: NodeJS.ProcessEnv) {
  if (!result.before) return;
  try {
    result.after = (await detectFacts(endpoint, options, env)).facts;
  } catch {
    // The state after is best effort; the ladder's own verifications are what count.
  }
}

function precheckRun(method: Method | 'auto', facts: Facts, options: Options, hasConsole: boolean): { exitCode: ExitCode; outcome: string; message: Msg; hint?: Msg } | undefined {
  if (method !== 'auto') {
    const rung = rungFor(method);
    if (!appliesTo(rung, facts.os)) return { exitCode: EXIT.unsupported, outcome: 'unsupported', message: m('error.methodNotForOs', { method, os: facts.os }), hint: m('hint.methodsForOs', { methods: plan('auto', facts.os).map((r) => r.method).join(', ') }) };
    if (method !== 'console' && !facts.connector.present) return { exitCode: EXIT.unsupported, outcome: 'unsupported', message: m('error.noConnector'), hint: m('hint.noConnector') };
    return undefined;
  }
  if (!facts.connector.present && !(hasConsole && (options.connectorGuid || options.hostname))) {
    return { exitCode: EXIT.unsupported, outcome: 'unsupported', message: facts.os === 'linux' || facts.os === 'other' ? m('error.osWithoutIsolation') : m('error.noConnector'), hint: m('hint.noConnector') };
  }
  if (facts.connector.present && facts.elevated === false && !hasConsole) {
    return { exitCode: EXIT.notElevated, outcome: 'not-elevated', message: m('error.notElevated'), hint: facts.os === 'windows' ? m('hint.elevateWindows') : m('hint.elevateMacos') };
  }
  return undefined;
}



