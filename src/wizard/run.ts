import { dirname } from 'node:path';
import { EXIT } from '../exit-codes.js';
import { writeSessionReport } from '../report/write.js';
import { t } from '../messages/index.js';
import { plan } from '../ladder/engine.js';
import type { LadderEvent, Method } from '../ladder/types.js';
import type { Facts } from '../platform/facts.js';
import type { Options } from '../options.js';
import { rescue, type RescueUi } from '../runner/rescue.js';
import { openEndpoint } from '../runner/setup.js';
import { printResult, type Out } from '../runner/print.js';
import { withSignals } from '../runner/signals.js';
import type { SessionResult } from '../runner/result.js';
import { inquirerPrompter, type Prompter } from './prompter.js';
import { oraSpinner, type StepSpinner } from './spinner.js';
import { makeStyle, wrap, type Style } from './style.js';
import { GUID_FORM } from '../input-forms.js';
import { panel, recommend, rungIntro, summary } from './view.js';

/** What the wizard needs from the outside world; tests pass a scripted prompter and a line spinner. */
export interface WizardDeps {
  prompter?: Prompter;
  spinner?: StepSpinner;
  width?: number;
  reach?: typeof openEndpoint;
  /** Runs the session with Ctrl-C and SIGTERM turned into a cancel (tests pass their own signal). */
  signals?: <T>(fn: (signal: AbortSignal) => Promise<T>) => Promise<T>;
}

/**
 * The interactive flow over the same engine as scripts: a diagnosis panel and a recommendation, then for
 * each rung what it does and its risk, its commands, a confirmation, a spinner per step resolving to ✔/✖,
 * the verification and the seed note's own UI check; on failure the reason and the next rung; at the end a
 * summary. Everything goes to stderr, so with --json stdout holds only the result.
 */
export async function runWizard(options: Options, env: NodeJS.ProcessEnv, out: Out, deps: WizardDeps = {}): Promise<number> {
  const style = makeStyle(options.color);
  // --no-color reaches inquirer's and ora's own colours the one way they all read it.
  if (!options.color) process.env.NO_COLOR = '1';
  // One column spare: a line exactly as wide as the terminal makes some terminals wrap.
  const width = Math.max(40, Math.min((deps.width ?? process.stderr.columns ?? 80) - 1, 100));
  const prompter = deps.prompter ?? (await inquirerPrompter(process.stderr));
  const spinner = deps.spinner ?? (await oraSpinner(process.stderr, options.color, { ok: style.ok('✔'), bad: style.bad('✖') }));
  const say = (s: string) => {
    spinner.stop();
    out.err(s + '\n');
  };
  // No spinner runs while a prompt is open.
  const ask = <T>(fn: () => Promise<T>): Promise<T> => {
    spinner.stop();
    return fn();
  };

  let facts: Facts | undefined;
  // Read from the endpoint each time: credentials typed mid-run give it a console it did not have at first.
  let endpoint: Awaited<ReturnType<typeof openEndpoint>> | undefined;
  const consoleLabel = () => endpoint?.console?.label;
  let introShown = false;
  const reach = deps.reach ?? openEndpoint;
  const ui: RescueUi = {
    onDetected: (f, label) => {
      facts = f;
      say(panel(f, label, consoleLabel(), style, width));
      if (f.isolated === false) say(style.ok(t('wizard.notIsolatedNothing')));
    },
    chooseMethod: async (f, given) => {
      // Not isolated: nothing to choose; the session ends as "not isolated" (exit 0).
      if (options.methodGiven || f.isolated === false) return given;
      const methods = plan('auto', f.os).map((r) => r.method);
      if (!methods.length) return 'auto';
      const consoleState = consoleLabel() ? 'ready' : options.simulate ? 'no' : 'can-ask';
      const first = recommend(f, methods, consoleState);
      say(wrap(t('wizard.recommend', { method: first.method, why: t(first.why) }), width));
      const choice = await ask(() =>
        prompter.select<Method | 'auto' | ''>(t('wizard.chooseMethod'), [
          // auto skips the rungs that cannot run, so it starts at the recommended one.
          { name: t('wizard.choice.auto', { method: first.method }), value: 'auto' },
          ...methods.map((m) => ({ name: t('wizard.choice.one', { method: m }), value: m })),
          { name: t('wizard.choice.quit'), value: '' },
        ]),
      );
      return choice || undefined;
    },
    askCredentials: async () => {
      if (!(await ask(() => prompter.confirm(t('wizard.askCredentials'), false)))) return undefined;
      const clientId = await ask(() => prompter.clientId());
      const apiKey = await ask(() => prompter.apiKey());
      return { clientId, apiKey };
    },
    chooseComputer: async (hostname, found) => {
      const pick = await ask(() =>
        prompter.select(t('wizard.chooseComputer', { hostname }), [
          ...found.map((c) => ({ name: `${c.hostname}  ${c.connectorGuid}  ${c.isolationStatus ?? '?'}`, value: c.connectorGuid })),
          { name: t('wizard.noneOfThese'), value: '' },
        ]),
      );
      return pick || undefined;
    },
    askUnlockCode: async (status) => {
      // What the rung does comes before the question it needs answered.
      if (facts) say(rungIntro('unlock-code', facts, consoleLabel(), style, width));
      introShown = true;
      say(t('wizard.attemptsLeft', { left: status.left }));
      if (status.left <= 1) say(style.warn(wrap(t('wizard.lastAttemptWarning'), width)));
      const code = await ask(() => prompter.unlockCode());
      return code || undefined;
    },
    onResume: (marker) => say(style.bold(wrap(t('resume.continuing', { session: marker.session, method: marker.method }), width))),
    askComputer: async () => {
      const value = (await ask(() => prompter.computer())).trim();
      return GUID_FORM.test(value) ? { connectorGuid: value.toLowerCase() } : { hostname: value };
    },
    askProtectionPassword: async () => (await ask(() => prompter.protectionPassword())) || undefined,
    approveRung: async (method, f, code) => {
      if (!introShown) say(rungIntro(method, f, consoleLabel(), style, width));
      introShown = false;
      if (method === 'console') return options.yes || ask(() => prompter.confirm(t('wizard.confirmConsole'), true));
      // A typed code was the tech's own decision; one from a flag or the console is confirmed first.
      if (method === 'unlock-code' && code && code.source !== 'typed') {
        return options.yes || ask(() => prompter.confirm(t('wizard.confirmCode', { source: t(code.source === 'flag' ? 'wizard.codeFrom.flag' : 'wizard.codeFrom.console'), left: code.left }), true));
      }
      return true;
    },
    confirm: async (question, kind) => {
      // --yes takes the default answers, but never for a reboot or the attempt that could lock the connector out.
      if (options.yes && (kind === 'delete' || kind === 'stop-service')) return true;
      if (kind === 'last-attempt') say(style.warn(wrap(t('wizard.lastAttemptWarning'), width)));
      return ask(() => prompter.confirm(t(question), kind === 'delete' || kind === 'stop-service'));
    },
    chooseNext: async (after, result, hasNext) => {
      if (result.outcome === 'refused') return hasNext;
      const retryCode = after === 'unlock-code' && result.outcome === 'failed';
      const protectedStop = result.reason?.id === 'stop.accessDenied' || result.reason?.id === 'stop.passwordRefused';
      const retryPassword = (after === 'registry' || after === 'jobs-db') && protectedStop;
      if (!hasNext && !retryCode && !retryPassword) return false;
      const choices = [
        ...(hasNext ? [{ name: t('wizard.next.rung'), value: 'next' as const }] : []),
        ...(retryCode ? [{ name: t('wizard.next.retryCode'), value: 'retry' as const }] : []),
        ...(retryPassword ? [{ name: t('wizard.next.retryPassword'), value: 'retry' as const }] : []),
        { name: t('wizard.next.stop'), value: 'stop' as const },
      ];
      const next = await ask(() => prompter.select(t('wizard.next'), choices));
      return next === 'retry' ? 'retry' : next === 'next';
    },
    onEvent: renderer(say, spinner, style, width, () => (facts ? plan('auto', facts.os).map((r) => r.method) : [])),
  };

  const wrappedReach: typeof openEndpoint = async (o, e) => (endpoint = await reach(o, e));
  const signals = deps.signals ?? withSignals;
  const result = await signals((signal) => rescue(options, env, ui, signal, wrappedReach));
  spinner.stop();
  if (result.exitCode === EXIT.recovered && result.outcome === 'recovered') await uiCheck(result, prompter, say, style, width);
  if (result.exitCode === EXIT.cancelled) say(style.warn(t('wizard.cancelled')));
  say(summary(result, style, width));
  // --json: the result document on stdout; without it, the summary above is the result.
  if (options.json) printResult(result, options, out);
  return result.exitCode;
}

/** The seed note's own check, after the tool's verification: what the connector's UI says. */
async function uiCheck(result: SessionResult, prompter: Prompter, say: (s: string) => void, style: Style, width: number): Promise<void> {
  let seen: 'yes' | 'no' | 'cant-check' = 'cant-check';
  try {
    seen = await prompter.select(t('wizard.uiCheck'), [
      { name: t('wizard.ui.yes'), value: 'yes' as const },
      { name: t('wizard.ui.no'), value: 'no' as const },
      { name: t('wizard.ui.cant'), value: 'cant-check' as const },
    ]);
  } catch {
    // Ctrl-C here: isolation is already released; the answer is simply not known.
  }
  result.uiCheck = seen;
  // The report was written when the session ended: write it again with the answer, for the ticket.
  if (result.reportFiles) writeSessionReport(result, dirname(result.reportFiles.json));
  if (seen === 'no') say(style.warn(wrap(t('wizard.uiDisagrees'), width)));
}

/** Ladder events as lines: a spinner per step, resolved with the step's title and its result. */
function renderer(say: (s: string) => void, spinner: StepSpinner, s: Style, width: number, ladder: () => Method[]): (e: LadderEvent) => void {
  let title = '';
  // A backup is reported inside its step: it is shown under the step's ✔ line, not above it.
  let backupLine: string | undefined;
  return (e) => {
    switch (e.type) {
      case 'rung-skip': {
        if (e.skip.kind !== 'locked-out') {
          say(s.dim(wrap(`- ${e.method}: ${t('progress.skipped')}: ${t(e.skip.reason)}`, width, 4)));
          break;
        }
        const left = ladder().slice(ladder().indexOf(e.method) + 1);
        say(s.warn(wrap(t(e.skip.reason), width, 2)));
        say(wrap(left.length ? t('wizard.stillPossible', { rungs: left.join(', ') }) : t('wizard.nothingLeft'), width, 2));
        break;
      }
      case 'step-start':
        title = t(e.title);
        spinner.start(title);
        break;
      case 'step-end': {
        // The spinner's symbol and indent take 4 columns.
        const text = wrap(e.detail ? `${title}: ${t(e.detail)}` : title, width - 4, 2);
        if (e.ok) spinner.succeed(text);
        else spinner.fail(text);
        if (backupLine) say(backupLine);
        backupLine = undefined;
        break;
      }
      case 'backup':
        backupLine = s.dim(wrap(`    → ${e.backup.backup}`, width, 6));
        break;
      case 'verify':
        say((e.ok ? s.ok : s.bad)(`  ${t(e.ok ? 'progress.verified' : 'progress.notVerified')} ${Object.entries(e.checks).map(([k, v]) => `${k}=${v}`).join(' ')}`));
        break;
      case 'hint':
        for (const l of e.lines) say(wrap(t(l), width, 4, '  '));
        break;
      case 'service-restart':
        say(e.ok ? s.ok(`  ✔ ${t('progress.serviceRestarted', { service: e.service, detail: '' })}`) : s.bad(wrap(`  ✖ ${t('progress.serviceNotRestarted', { service: e.service, detail: e.detail })}`, width, 4)));
        break;
      case 'rung-end':
        if (e.result.outcome === 'recovered') say(s.ok(`  → ${e.method}: ${e.result.outcome}`));
        else say(s.bad(wrap(`  → ${t('wizard.failedBecause', { method: e.method, reason: e.result.reason ? t(e.result.reason) : e.result.outcome })}`, width, 4)));
        break;
    }
  };
}
