/** Exit codes of the command-line contract (DESIGN.md). Scripts depend on these numbers. */
export const EXIT = {
  recovered: 0,
  unexpected: 1,
  usage: 2,
  notRecovered: 3,
  rebootRequired: 4,
  lockedOut: 5,
  notElevated: 6,
  unsupported: 7,
  cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
