/**
 * Turns SIGINT and SIGTERM into an abort signal for the duration of fn, so the ladder can stop cleanly,
 * start again what it stopped and write its report. A second Ctrl-C during clean-up is ignored on purpose:
 * leaving a security service stopped is worse than waiting a few seconds.
 */
export async function withSignals<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(name);
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    return await fn(controller.signal);
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
