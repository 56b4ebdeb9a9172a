import { t } from '../messages/index.js';
import type { LadderEvent } from '../ladder/types.js';
import type { Options } from '../options.js';
import { withSignals } from './signals.js';
import { rescue, type RescueUi } from './rescue.js';
import { printResult, type Out } from './print.js';

/**
 * The scripted runner (--non-interactive): no prompt ever. Questions are answered by the flags:
 * a deletion by the explicit --method, a reboot by --reboot, the last unlock try by --allow-last-attempt.
 */
export async function runScripted(options: Options, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const ui: RescueUi = {
    confirm: async (_q, kind) => (kind === 'reboot' ? options.reboot : kind === 'last-attempt' ? options.allowLastAttempt : true),
    onEvent: (e) => progress(e, out, options),
    onResume: (r) => out.err(`${t('resume.continuing', { session: r.session, method: r.method })}\n`),
  };
  const result = await withSignals((signal) => rescue(options, env, ui, signal));
  printResult(result, options, out);
  return result.exitCode;
}

function progress(e: LadderEvent, out: Out, options: Options): void {
  const say = (s: string) => out.err(`${s}\n`);
  switch (e.type) {
    case 'rung-skip':
      say(`- ${e.method}: ${t('progress.skipped')}: ${t(e.skip.reason)}`);
      break;
    case 'rung-start':
      say(`> ${e.method}`);
      break;
    case 'step-end':
      if (e.step) say(`  ${e.ok ? 'ok  ' : 'FAIL'} ${e.step}${e.detail ? `: ${t(e.detail)}` : ''}`);
      break;
    case 'command':
      if (options.verbose) say(`    $ ${e.command.argv.join(' ')}  -> exit ${e.command.exitCode}${e.command.skipped ? ' (dry run)' : ''}`);
      break;
    case 'backup':
      say(`  backup: ${e.backup.backup}`);
      break;
    case 'verify':
      say(`  ${t(e.ok ? 'progress.verified' : 'progress.notVerified')} ${JSON.stringify(e.checks)}`);
      break;
    case 'service-restart':
      say(`  ${t(e.ok ? 'progress.serviceRestarted' : 'progress.serviceNotRestarted', { service: e.service, detail: e.detail })}`);
      break;
    case 'hint':
      for (const l of e.lines) say(`  | ${t(l)}`);
      break;
    case 'rung-end':
      say(`  => ${e.result.outcome}${e.result.reason ? `: ${t(e.result.reason)}` : ''}`);
      break;
  }
}

