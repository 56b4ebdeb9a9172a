import type { Facts } from '../platform/facts.js';
import type { CommandRecord } from '../ladder/types.js';
import type { RungRecord } from '../report/transcript.js';
import type { BackupRecord } from '../safety/backups.js';

/** The one JSON document `--json` prints and the session report stores. */
export interface SessionResult {
  tool: 'isolation-rescue';
  version: string;
  session: string;
  command: 'rescue';
  startedAt: string;
  finishedAt: string;
  exitCode: number;
  outcome: string;
  message: string;
  hint?: string;
  method: string;
  executor: string;
  simulated: boolean;
  dryRun: boolean;
  endpoint: string;
  operator: string;
  before?: Facts;
  after?: Facts;
  detection: CommandRecord[];
  rungs: RungRecord[];
  backups: BackupRecord[];
  /** Steps that security monitoring may read as tampering, for the SOC ticket. */
  tamperingLikeSteps: string[];
  /** The session this one continued after a reboot or a safe-boot hand-off. */
  resumedFrom?: { session: string; method: string };
  /** The wizard's question to the tech: does the connector's UI show Not Isolated? */
  uiCheck?: 'yes' | 'no' | 'cant-check';
  reportFiles?: { json: string; markdown: string };
}
