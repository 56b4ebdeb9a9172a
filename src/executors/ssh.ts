import { RescueError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { t } from '../messages/index.js';
import type { Command, CommandResult, Executor, RunOptions } from './types.js';
import { cmdWord, posixWord } from './remote-quote.js';

/** A remote endpoint's shell: POSIX sh (macOS, Linux) or cmd.exe (Windows OpenSSH's default). */
export type RemoteShell = 'posix' | 'cmd';

/** ASCII record separator: never in the output of the programs the tool runs. */
const MARK = '\u001e';
const MARK_ESCAPE = '\\036';
const afterMark = (text: string) => text.slice(text.indexOf(MARK) + 1);

/** ssh's own failures (exit 255 with one of these): the command never ran on the endpoint. */
const SSH_FAILURE = /^(ssh: |kex_exchange_identification|Connection (closed|reset|timed out)|Permission denied \(|Host key verification failed|.*REMOTE HOST IDENTIFICATION HAS CHANGED)/m;

/**
 * Runs each command on a remote endpoint through the system ssh client: BatchMode (never a password
 * prompt), a connect timeout, keep-alives, and the user's own ssh config and known_hosts. ssh joins its
 * arguments into one string for the remote shell, so each argument is quoted for that shell here.
 */
export class SshExecutor implements Executor {
  readonly kind = 'ssh' as const;
  readonly rebootsInline = false;

  constructor(
    private readonly local: Executor,
    readonly destination: string,
    private readonly shell: RemoteShell = 'posix',
    private readonly configFile?: string,
  ) {}

  /** The ssh argument array for one remote command: options, `--`, the destination, the quoted command. */
  sshArgs(command: Command): string[] {
    const words = [command.program, ...command.args].map((a) => this.quote(a));
    // A marker on both streams first: whatever the remote shell's start-up files printed comes before it and
    // is cut off, so `test -e` answering "no" is still a clean exit 1 with empty stderr.
    // exec: the program found on PATH, never a shell built-in of the same name (test, printf), and no shell left waiting.
    if (this.shell === 'posix') words.unshift(`printf '${MARK_ESCAPE}' && printf '${MARK_ESCAPE}' >&2 && exec`);
    return [
      '-o', 'BatchMode=yes',
      '-o', 'ConnectTimeout=15',
      '-o', 'ServerAliveInterval=15',
      '-o', 'ServerAliveCountMax=2',
      '-T',
      ...(this.configFile ? ['-F', this.configFile] : []),
      '--',
      this.destination,
      words.join(' '),
    ];
  }

  async run(command: Command, options: RunOptions = {}): Promise<CommandResult> {
    for (const a of [command.program, ...command.args]) {
      // The message names the program only: the argument may be a secret.
      if (this.shell === 'cmd' && cmdWord(a) === null) throw new RescueError(t('ssh.unsafeForCmd', { program: command.program }), EXIT.usage);
    }
    const r = await this.local.run({ ...command, program: 'ssh', args: this.sshArgs(command) }, options);
    if (r.exitCode === 255 && SSH_FAILURE.test(r.stderr)) {
      throw new RescueError(t('ssh.failed', { host: this.destination, detail: r.stderr.trim().split('\n').slice(-2).join(' ').slice(0, 300) }), EXIT.notRecovered, t('ssh.hint'));
    }
    const marked = r.stdout.includes(MARK) && r.stderr.includes(MARK);
    if (marked) return { ...r, stdout: afterMark(r.stdout), stderr: afterMark(r.stderr) };
    if (r.exitCode === 127 && /^ssh: /.test(r.stderr) && /ENOENT|not found/i.test(r.stderr)) throw new RescueError(t('ssh.noClient'), EXIT.unsupported);
    return r;
  }

  private quote(arg: string): string {
    if (this.shell === 'posix') return posixWord(arg);
    return cmdWord(arg)!;
  }

  now(): number {
    return this.local.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.local.sleep(ms, signal);
  }
}
