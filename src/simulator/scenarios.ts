/** The named rehearsal scenarios of DESIGN.md and what each one makes the virtual connector do. */
export const SCENARIOS = ['healthy', 'offline', 'bad-code', 'protected', 'stubborn', 'stuck'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface ScenarioTraits {
  /** The connector reaches the cloud, so a console stop is applied. */
  cloudOnline: boolean;
  /** The connector accepts the right unlock code. */
  acceptsRightCode: boolean;
  /** Connector Protection: `sc stop` is refused; `sfc.exe -k PASSWORD` stops it. */
  protectedService: boolean;
  /** Nothing stops the service, not even the protection password. */
  unstoppable: boolean;
  /** On service start the isolation comes back from jobs.db. */
  jobsReassert: boolean;
  /** macOS: the isolation file cannot be removed (and comes back on load). */
  plistLocked: boolean;
}

const TRAITS: Record<ScenarioName, ScenarioTraits> = {
  healthy: { cloudOnline: true, acceptsRightCode: true, protectedService: false, unstoppable: false, jobsReassert: false, plistLocked: false },
  offline: { cloudOnline: false, acceptsRightCode: true, protectedService: false, unstoppable: false, jobsReassert: false, plistLocked: false },
  'bad-code': { cloudOnline: false, acceptsRightCode: false, protectedService: false, unstoppable: false, jobsReassert: false, plistLocked: false },
  protected: { cloudOnline: false, acceptsRightCode: false, protectedService: true, unstoppable: false, jobsReassert: false, plistLocked: false },
  stubborn: { cloudOnline: false, acceptsRightCode: false, protectedService: false, unstoppable: false, jobsReassert: true, plistLocked: false },
  stuck: { cloudOnline: false, acceptsRightCode: false, protectedService: false, unstoppable: true, jobsReassert: true, plistLocked: true },
};

export const MACOS_SCENARIOS: readonly ScenarioName[] = ['healthy', 'offline', 'bad-code', 'stuck'];

export function traitsOf(name: ScenarioName): ScenarioTraits {
  return TRAITS[name];
}

export function isScenario(name: string): name is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(name);
}
