import { t, type Msg } from '../messages/index.js';
import type { BackupRecord } from '../safety/backups.js';
import type { CommandRecord, LadderEvent, Method } from '../ladder/types.js';

/** The session as data: built from ladder events, serialised as the --json result and the session report. */
export interface StepRecord {
  id: string;
  title: string;
  ok?: boolean;
  detail?: string;
  commands: CommandRecord[];
}

export interface RungRecord {
  method: Method;
  status: 'skipped' | 'recovered' | 'failed' | 'reboot-required' | 'locked-out' | 'hand-off' | 'refused' | 'interrupted';
  reason?: string;
  steps: StepRecord[];
  verifications: { ok: boolean; checks: Record<string, string | boolean | undefined> }[];
  backups: BackupRecord[];
  hints: string[];
  serviceRestarts: { service: string; ok: boolean; detail: string }[];
}

export class Transcript {
  readonly rungs: RungRecord[] = [];

  private rung(method: Method): RungRecord {
    let r = this.rungs[this.rungs.length - 1];
    if (!r || r.method !== method) {
      r = { method, status: 'interrupted', steps: [], verifications: [], backups: [], hints: [], serviceRestarts: [] };
      this.rungs.push(r);
    }
    return r;
  }

  private lastStep(method: Method): StepRecord {
    const rung = this.rung(method);
    let step = rung.steps[rung.steps.length - 1];
    if (!step) {
      step = { id: 'detect', title: '', commands: [] };
      rung.steps.push(step);
    }
    return step;
  }

  readonly listen = (e: LadderEvent): void => {
    switch (e.type) {
      case 'rung-start':
        this.rung(e.method);
        break;
      case 'rung-skip':
        this.rung(e.method).status = 'skipped';
        this.rung(e.method).reason = t(e.skip.reason);
        break;
      case 'step-start':
        this.rung(e.method).steps.push({ id: e.step, title: t(e.title), commands: [] });
        break;
      case 'command':
        this.lastStep(e.method).commands.push(e.command);
        break;
      case 'step-end': {
        const step = this.lastStep(e.method);
        step.ok = e.ok;
        if (e.detail) step.detail = t(e.detail);
        break;
      }
      case 'backup':
        this.rung(e.method).backups.push(e.backup);
        break;
      case 'verify':
        this.rung(e.method).verifications.push({ ok: e.ok, checks: e.checks });
        break;
      case 'hint':
        this.rung(e.method).hints.push(...e.lines.map((l: Msg) => t(l)));
        break;
      case 'service-restart':
        this.rung(e.method).serviceRestarts.push({ service: e.service, ok: e.ok, detail: e.detail });
        break;
      case 'rung-end': {
        const r = this.rung(e.method);
        r.status = e.result.outcome;
        if (e.result.reason) r.reason = t(e.result.reason);
        break;
      }
    }
  };

  get backups(): BackupRecord[] {
    return this.rungs.flatMap((r) => r.backups);
  }

  get commands(): CommandRecord[] {
    return this.rungs.flatMap((r) => r.steps.flatMap((s) => s.commands));
  }
}
