/** One spinner for the step under way; resolves to a ✔ or ✖ line. Stopped before any prompt opens. */
export interface StepSpinner {
  start(text: string): void;
  succeed(text: string): void;
  fail(text: string): void;
  /** Clears a running spinner without a line (a prompt is about to open, or text must be printed). */
  stop(): void;
}

/** Lines only: for a stream that is not a terminal (ora would be silent there anyway). */
export function lineSpinner(write: (s: string) => void, ok = '✔', bad = '✖'): StepSpinner {
  return {
    start: () => {},
    succeed: (text) => write(`  ${ok} ${text}\n`),
    fail: (text) => write(`  ${bad} ${text}\n`),
    stop: () => {},
  };
}

/** ora on the terminal. It is loaded here only, so scripted runs never pay for it. */
export async function oraSpinner(stream: NodeJS.WriteStream, color: boolean, symbols: { ok: string; bad: string }): Promise<StepSpinner> {
  const { default: ora } = await import('ora');
  // ora stays quiet on a dumb terminal or under CI: then plain ✔/✖ lines, in the same layout.
  if (!ora({ stream }).isEnabled) return lineSpinner((s) => void stream.write(s), symbols.ok, symbols.bad);
  let current: ReturnType<typeof ora> | undefined;
  // Our own symbols: ora's would be coloured even under --no-color.
  const end = (how: 'succeed' | 'fail', text: string) => {
    const s = current ?? ora({ stream, color: color ? 'cyan' : false, indent: 2 });
    current = undefined;
    s.stopAndPersist({ symbol: how === 'succeed' ? symbols.ok : symbols.bad, text });
  };
  return {
    start(text) {
      current?.stop();
      current = ora({ text, stream, indent: 2, color: color ? 'cyan' : false, discardStdin: true }).start();
    },
    succeed: (text) => end('succeed', text),
    fail: (text) => end('fail', text),
    stop() {
      current?.stop();
      current = undefined;
    },
  };
}
