import { confirm, select } from '@inquirer/prompts';
import chalk from 'chalk';
import { CancelledError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { t } from '../messages/index.js';
import { plan } from '../ladder/engine.js';
import type { LadderEvent, Method } from '../ladder/types.js';
import type { Facts } from '../platform/facts.js';
import type { Options } from '../options.js';
import { rescue, type RescueUi } from '../runner/rescue.js';
import { printResult, type Out } from '../runner/print.js';
import { withSignals } from '../runner/signals.js';

/**
 * The interactive flow: diagnosis, a method to take, a confirmation before anything is deleted or rebooted,
 * then each step as a ✔/✖ line. Prompts go to stderr so --json keeps stdout for the result alone.
 */
export async function runWizard(options: Options, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  if (!options.color || env.NO_COLOR) chalk.level = 0;
  const promptOpts = { output: process.stderr };
  const say = (s: string) => out.err(s + '\n');
  const ask = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      // inquirer rejects with ExitPromptError on Ctrl-C at a prompt.
      if ((err as Error)?.name === 'ExitPromptError') throw new CancelledError('SIGINT');
      throw err;
    }
  };

  const ui: RescueUi = {
    onDetected: (facts, label) => say(panel(facts, label)),
    chooseMethod: async (facts, given) => {
      if (options.methodGiven) return given;
      const rungs = plan('auto', facts.os).map((r) => r.method);
      return ask(() =>
        select<Method | 'auto' | ''>(
          {
            message: 'Which method?',
            choices: [
              { name: `auto: walk the ladder top down (recommended)`, value: 'auto' },
              ...rungs.map((m) => ({ name: m, value: m })),
              { name: 'quit: change nothing', value: '' },
            ],
          },
          promptOpts,
        ),
      ).then((v) => v || undefined);
    },
    confirm: async (question, kind) => {
      if (options.yes && kind === 'delete') return true;
      return ask(() => confirm({ message: t(question), default: kind === 'delete' }, promptOpts));
    },
    chooseNext: async (after, result) => {
      if (result.outcome === 'refused') return true;
      return ask(() => confirm({ message: `${after} did not release isolation. Try the next method?`, default: true }, promptOpts));
    },
    onEvent: (e) => render(e, say),
  };
  const result = await withSignals((signal) => rescue(options, env, ui, signal));
  if (result.exitCode === EXIT.recovered && result.outcome === 'recovered' && !options.json) {
    const seen = await ask(() =>
      select({ message: 'Does the Secure Endpoint UI now show "Isolation: Not Isolated"?', choices: [{ name: 'yes', value: 'yes' }, { name: 'no', value: 'no' }, { name: "can't check", value: 'unknown' }] }, promptOpts),
    ).catch(() => 'unknown');
    if (seen === 'no') say(chalk.yellow('The tool verified the local marker and service, but the UI disagrees: note it in the ticket and re-run isolation-rescue status in a minute.'));
  }
  printResult(result, options, out);
  return result.exitCode;
}

function panel(f: Facts, label: string): string {
  const yn = (v: boolean | undefined) => (v === undefined ? '?' : v ? 'yes' : 'no');
  return [
    chalk.bold(`Diagnosis: ${label}`),
    `  OS ${f.os}   admin ${yn(f.elevated)}`,
    `  connector ${f.connector.present ? `${f.connector.version ?? '?'} at ${f.connector.installDir}` : 'not found'}`,
    `  service ${f.service.name ?? '?'} (${f.service.state ?? '?'})   isolated ${yn(f.isolated)}`,
    `  GUID ${f.guid ?? '?'}`,
    ...f.notes.map((n) => chalk.dim(`  note: ${n}`)),
  ].join('\n');
}

function render(e: LadderEvent, say: (s: string) => void): void {
  switch (e.type) {
    case 'rung-start':
      say(chalk.bold(`\n▶ ${e.method}`));
      break;
    case 'rung-skip':
      say(chalk.dim(`- ${e.method} skipped: ${t(e.skip.reason)}`));
      break;
    case 'step-end':
      if (e.step) say(`  ${e.ok ? chalk.green('✔') : chalk.red('✖')} ${e.step}${e.detail ? `: ${t(e.detail)}` : ''}`);
      break;
    case 'backup':
      say(chalk.dim(`    backup: ${e.backup.backup}`));
      break;
    case 'hint':
      for (const l of e.lines) say(`  ${t(l)}`);
      break;
    case 'service-restart':
      say(e.ok ? chalk.green(`  ✔ ${e.service} started again`) : chalk.red(`  ✖ ${e.service} did not start again: ${e.detail}`));
      break;
    case 'rung-end':
      say(`  → ${e.result.outcome}${e.result.reason ? `: ${t(e.result.reason)}` : ''}`);
      break;
  }
}
