import type { ServiceState } from './parse/sc.js';

export type TargetOs = 'windows' | 'macos' | 'linux' | 'other';

/** What detection learned about the endpoint. Unknown stays undefined: never guessed. */
export interface Facts {
  os: TargetOs;
  elevated?: boolean;
  connector: {
    present: boolean;
    installDir?: string;
    /** Windows: the sfc.exe in the highest version folder. macOS: ampcli. */
    cliPath?: string;
    version?: string;
    supportsIsolation?: boolean;
  };
  service: { name?: string; state?: ServiceState | 'missing' };
  /** The local isolation marker: unlock_code value (Windows) or endpoint_isolation.xml (macOS). */
  isolated?: boolean;
  guid?: string;
  /** Things seen that did not match what was expected, said plainly for the report. */
  notes: string[];
}

export const emptyFacts = (os: TargetOs): Facts => ({ os, connector: { present: false }, service: {}, notes: [] });
