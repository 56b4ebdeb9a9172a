/** `launchctl print system/LABEL`: the "state = running" line and "pid = N". Exit 113 means not loaded. */
export interface LaunchdJob {
  state: string;
  pid?: number;
}

export function parseLaunchctlPrint(text: string): LaunchdJob | undefined {
  const state = /^\s*state = (\S+)/m.exec(text);
  if (!state) return undefined;
  const pid = /^\s*pid = (\d+)/m.exec(text);
  return { state: state[1], pid: pid ? Number(pid[1]) : undefined };
}

/** "Unload failed: 5: Input/output error", "Boot-out failed: 3: No such process" → the launchd error number. */
export function launchctlErrorCode(text: string): number | undefined {
  const m = /(?:failed|Failed):\s*(\d+):/.exec(text);
  return m ? Number(m[1]) : undefined;
}
