import type { Shell } from '../platform/shell.js';
import { startService } from '../platform/windows.js';
import { daemonState } from '../platform/macos.js';
import { macCmd } from '../platform/macos-commands.js';

/**
 * Remembers a service the tool stopped and starts it again on every exit path (failure, exception,
 * Ctrl-C, SIGTERM), so an endpoint is never left without its security service by this tool.
 */
export class ServiceGuard {
  private stopped: { os: 'windows' | 'macos'; name: string } | undefined;
  /** Set when the next step is a reboot, which starts the service itself. */
  private handedToReboot = false;

  markStopped(os: 'windows' | 'macos', name: string): void {
    this.stopped = { os, name };
    this.handedToReboot = false;
  }

  markStarted(): void {
    this.stopped = undefined;
  }

  handOverToReboot(): void {
    this.handedToReboot = true;
  }

  get pending(): string | undefined {
    return this.stopped && !this.handedToReboot ? this.stopped.name : undefined;
  }

  /** Starts the service if the tool left it stopped. Never throws: it reports. */
  async restore(sh: Shell): Promise<{ restarted: boolean; ok: boolean; detail: string } | undefined> {
    if (!this.stopped || this.handedToReboot) return undefined;
    const { os, name } = this.stopped;
    try {
      if (os === 'windows') {
        const r = await startService(sh, name);
        if (r.ok) this.stopped = undefined;
        return { restarted: true, ok: r.ok, detail: r.detail };
      }
      await sh.run(macCmd.load());
      const state = await daemonState(sh);
      if (state === 'running') this.stopped = undefined;
      return { restarted: true, ok: state === 'running', detail: state === 'running' ? '' : `daemon is ${state}` };
    } catch (err) {
      return { restarted: true, ok: false, detail: (err as Error).message };
    }
  }
}
