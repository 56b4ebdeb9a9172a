import { CancelledError } from '../../src/errors.js';
import type { Choice, Prompter } from '../../src/wizard/prompter.js';

/** One expected question and its answer; `cancel` answers with Ctrl-C. */
export type Answer = [kind: 'select' | 'confirm' | 'code' | 'clientId' | 'apiKey' | 'password' | 'computer', question: RegExp, answer: unknown];

/**
 * A Prompter that answers from a script, and fails the test when the wizard asks anything else, in another
 * order, or offers a select answer that is not among its choices.
 */
export function scriptedPrompter(script: Answer[]): Prompter & { asked: string[]; left(): Answer[]; choices: string[][] } {
  const queue = [...script];
  const asked: string[] = [];
  const choices: string[][] = [];
  const next = <T>(kind: Answer[0], message: string, offered?: Choice<unknown>[]): T => {
    asked.push(`${kind}: ${message}`);
    const a = queue.shift();
    if (!a) throw new Error(`unexpected question (script is empty): ${kind}: ${message}`);
    if (a[0] !== kind || !a[1].test(message)) throw new Error(`expected ${a[0]} ${a[1]} but the wizard asked ${kind}: ${message}`);
    if (a[2] === 'cancel') throw new CancelledError('SIGINT');
    if (offered) {
      choices.push(offered.map((c) => String(c.value)));
      if (!offered.some((c) => c.value === a[2])) throw new Error(`${String(a[2])} is not among the choices of "${message}": ${offered.map((c) => c.value).join(', ')}`);
    }
    return a[2] as T;
  };
  return {
    asked,
    choices,
    left: () => queue,
    select: async <T>(message: string, offered: Choice<T>[]) => next<T>('select', message, offered as Choice<unknown>[]),
    confirm: async (message: string) => next<boolean>('confirm', message),
    unlockCode: async () => next<string>('code', 'unlock code'),
    clientId: async () => next<string>('clientId', 'client id'),
    apiKey: async () => next<string>('apiKey', 'api key'),
    protectionPassword: async () => next<string>('password', 'protection password'),
    computer: async () => next<string>('computer', 'which computer'),
  };
}
