import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const haveTmux = spawnSync('tmux', ['-V']).status === 0;

export interface Terminal {
  /** tmux key names (Enter, Down, C-c) or, with literal, text to type. */
  keys(...keys: string[]): void;
  type(text: string): void;
  /** The screen as text; with escapes, the colour codes too. */
  screen(escapes?: boolean): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exitCode(timeoutMs?: number): Promise<number>;
  close(): void;
}

/**
 * A real pseudo-terminal of the given size (tmux on a private socket), running one command. The command's
 * exit code is written to a file; the pane stays after it exits so its last screen can be read.
 */
export function terminal(argv: string[], env: NodeJS.ProcessEnv, cwd: string, size = { cols: 80, rows: 50 }): Terminal {
  const dir = mkdtempSync(join(tmpdir(), 'ir-tty-'));
  const socket = `ir-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const rc = join(dir, 'rc');
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env: { ...env, TERM: 'xterm-256color' } });
  const started = tmux('new-session', '-d', '-s', 't', '-x', String(size.cols), '-y', String(size.rows), '-c', cwd, `${quoted}; echo $? > '${rc}'; sleep 600`);
  if (started.status !== 0) throw new Error(`tmux did not start: ${started.stderr}`);
  const screen = (escapes = false) => tmux('capture-pane', '-p', '-J', ...(escapes ? ['-e'] : []), '-S', '-200', '-t', 't').stdout;
  const poll = async <T>(get: () => T | undefined, what: string, timeoutMs: number): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = get();
      if (v !== undefined) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen:\n${screen()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    keys: (...keys) => void tmux('send-keys', '-t', 't', ...keys),
    type: (text) => void tmux('send-keys', '-t', 't', '-l', text),
    screen,
    waitFor: (pattern, timeoutMs = 20_000) => poll(() => (pattern.test(screen()) ? screen() : undefined), String(pattern), timeoutMs),
    exitCode: (timeoutMs = 30_000) => poll(() => (existsSync(rc) && readFileSync(rc, 'utf8').trim() !== '' ? Number(readFileSync(rc, 'utf8')) : undefined), 'the exit code', timeoutMs),
    close: () => void tmux('kill-server'),
  };
}
