import { usageError } from '../errors.js';
import { CMD_UNSAFE, posixWord } from '../executors/remote-quote.js';
import { pieces } from './plan.js';

/** POSIX sh: every literal in single quotes (a quote inside becomes '\''); variables as "$NAME". */
export function shArg(arg: string): string {
  return pieces(arg)
    .map((p) => ('variable' in p ? `"$${p.variable}"` : posixWord(p.text)))
    .join('') || "''";
}

/**
 * cmd.exe: a literal that holds a character cmd would act on even inside quotes (", %, !, ^, a line break)
 * is refused; anything else is double-quoted unless it is a plain token. Variables use delayed expansion
 * (!NAME!), which happens after parsing, so a value can never be read as syntax.
 */
export function cmdArg(arg: string): string {
  const parts = pieces(arg);
  for (const p of parts) if ('text' in p && CMD_UNSAFE.test(p.text)) throw usageError(`refusing to write ${JSON.stringify(p.text)} into a cmd runbook: it holds a character cmd.exe would interpret`);
  const plain = parts.every((p) => 'text' in p && /^[A-Za-z0-9._:\\/=+-]+$/.test(p.text));
  const body = parts.map((p) => ('variable' in p ? `!${p.variable}!` : p.text)).join('');
  return plain ? body : `"${body}"`;
}

/** PowerShell: literals in single quotes (a quote doubled); variables as $NAME; joined with +. */
export function ps1Arg(arg: string): string {
  const parts = pieces(arg).map((p) => ('variable' in p ? `$${p.variable}` : `'${p.text.replace(/'/g, "''")}'`));
  return parts.length === 0 ? "''" : parts.length === 1 ? parts[0] : `(${parts.join(' + ')})`;
}

/** Text for a comment or a message line: one line, no control characters. */
export const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
