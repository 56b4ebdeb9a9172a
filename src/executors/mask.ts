import type { Command } from './types.js';

export const MASK = '********';

/** Replace every secret in a text; longer secrets first so one that contains another is masked whole. */
export function maskText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  const list = secrets.filter((s): s is string => typeof s === 'string' && s.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of list) out = out.split(secret).join(MASK);
  return out;
}

/** The argv as it may be shown or recorded: the program then each argument, secrets masked. */
export function maskedArgv(command: Command, extraSecrets: readonly string[] = []): string[] {
  const secrets = [...(command.secrets ?? []), ...extraSecrets];
  return [command.program, ...command.args].map((part) => maskText(part, secrets));
}

/** A one-line rendering for people: each argument quoted when it needs to be. Display only, never executed. */
export function displayCommand(command: Command, extraSecrets: readonly string[] = []): string {
  return maskedArgv(command, extraSecrets)
    .map((part) => (part === '' || /[\s"'&|<>^%!$`\\]/.test(part) && !/^[A-Za-z]:\\[^\s"]*$/.test(part) ? JSON.stringify(part) : part))
    .join(' ');
}
