import { CancelledError } from '../errors.js';
import { apiKeyQuestion, clientIdQuestion, computerQuestion, protectionPasswordQuestion, unlockCodeQuestion } from './questions.js';

export interface Choice<T> {
  name: string;
  value: T;
}

/** Every question the wizard asks. Inquirer in a terminal; a scripted answer list in tests. */
export interface Prompter {
  select<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  unlockCode(): Promise<string>;
  clientId(): Promise<string>;
  apiKey(): Promise<string>;
  protectionPassword(): Promise<string>;
  computer(): Promise<string>;
}

/** The terminal prompter: @inquirer/prompts on stderr, so stdout stays for --json. Ctrl-C becomes a cancel. */
export async function inquirerPrompter(output: NodeJS.WritableStream = process.stderr): Promise<Prompter> {
  const { select, confirm, password, input } = await import('@inquirer/prompts');
  const context = { output: output as NodeJS.WriteStream };
  const ask = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      // Inquirer rejects with ExitPromptError when Ctrl-C is pressed at a prompt (raw mode: no SIGINT).
      if ((err as Error)?.name === 'ExitPromptError') throw new CancelledError('SIGINT');
      throw err;
    }
  };
  return {
    select: (message, choices, defaultValue) => ask(() => select({ message, choices, default: defaultValue, pageSize: 10 }, context)),
    confirm: (message, defaultValue) => ask(() => confirm({ message, default: defaultValue }, context)),
    unlockCode: () => ask(() => password(unlockCodeQuestion(), context)),
    clientId: () => ask(() => input(clientIdQuestion(), context)),
    apiKey: () => ask(() => password(apiKeyQuestion(), context)),
    protectionPassword: () => ask(() => password(protectionPasswordQuestion(), context)),
    computer: () => ask(() => input(computerQuestion(), context)),
  };
}
