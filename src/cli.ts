import { parseCli } from './args.js';
import { RescueError } from './errors.js';
import { EXIT } from './exit-codes.js';
import { setLang, t } from './messages/index.js';
import { processOut, type Out } from './runner/print.js';

/**
 * argv to options, help, version, dispatch. Nothing else lives here: the runner, wizard and status
 * are imported only when used, so --help and --version stay fast.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, out: Out = processOut, tty = isTerminal()): Promise<number> {
  try {
    const parsed = parseCli(argv, env);
    if (parsed.kind === 'help') {
      out.out(t('help.text'));
      return EXIT.recovered;
    }
    if (parsed.kind === 'version') {
      const { VERSION } = await import('./version.js');
      out.out(`${VERSION}\n`);
      return EXIT.recovered;
    }
    const options = parsed.options;
    setLang(options.lang);
    if (options.command === 'status') {
      const { runStatus } = await import('./runner/status.js');
      return await runStatus(options, env, out);
    }
    if (options.command === 'runbook') {
      const { runRunbook } = await import('./runner/runbook.js');
      return runRunbook(options, out);
    }
    if (options.command === 'fleet') {
      const { runFleet } = await import('./runner/fleet.js');
      return await runFleet(options, out);
    }
    if (options.command === 'restore') {
      const { runRestore } = await import('./runner/restore.js');
      const ask = tty && !options.nonInteractive ? await terminalConfirm() : undefined;
      return await runRestore(options, env, out, ask);
    }
    if (options.nonInteractive) {
      const { runScripted } = await import('./runner/scripted.js');
      return await runScripted(options, env, out);
    }
    // The CLI decides whether it may prompt, never inquirer: with no terminal a prompt would hang or exit 0.
    if (!tty) throw new RescueError(t('error.noTerminal'), EXIT.usage, t('hint.noTerminal'));
    const { runWizard } = await import('./wizard/run.js');
    return await runWizard(options, env, out);
  } catch (err) {
    if (err instanceof RescueError) {
      out.err(`isolation-rescue: ${err.message}\n`);
      if (err.hint) out.err(`  ${err.hint}\n`);
      return err.exitCode;
    }
    out.err(`isolation-rescue: ${t('error.unexpected', { detail: (err as Error)?.message ?? String(err) })}\n`);
    return EXIT.unexpected;
  }
}

async function terminalConfirm(): Promise<(question: string) => Promise<boolean>> {
  const { confirm } = await import('@inquirer/prompts');
  return (message) => confirm({ message, default: false }, { output: process.stderr });
}

/**
 * Whether a person can answer: the prompts are written to stderr and read from stdin, so those two must be
 * a terminal. stdout may be redirected (`--json > result.json`): it carries only the result.
 */
function isTerminal(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}
