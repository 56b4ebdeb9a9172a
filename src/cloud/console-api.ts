/** The console rung's view of the Secure Endpoint cloud: implemented over HTTP (api-client.ts) and by the simulator. */
export type CloudIsolationStatus = 'not_isolated' | 'pending_start' | 'isolated' | 'pending_stop';

export interface IsolationInfo {
  status: CloudIsolationStatus;
  available?: boolean;
  /** Secret: never logged or reported. */
  unlockCode?: string;
}

export interface ComputerSummary {
  connectorGuid: string;
  hostname: string;
  operatingSystem?: string;
  connectorVersion?: string;
  isolationStatus?: CloudIsolationStatus;
}

export interface ConsoleApi {
  /** Where the console is, for messages: a URL, or "simulated console". */
  readonly label: string;
  getIsolation(guid: string, signal?: AbortSignal): Promise<IsolationInfo>;
  stopIsolation(guid: string, comment: string, signal?: AbortSignal): Promise<IsolationInfo>;
  findComputers(hostname: string, signal?: AbortSignal): Promise<ComputerSummary[]>;
  /** Every computer of a group, of a list of host names, or of the organisation (paged). */
  listComputers(filter: { groupGuid?: string; hostnames?: string[] }, signal?: AbortSignal): Promise<ComputerSummary[]>;
}

/** An API failure the user can act on, with the HTTP status when there was one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly kind: 'auth' | 'forbidden' | 'not-found' | 'conflict' | 'rate-limit' | 'server' | 'network' | 'timeout' | 'bad-response' = 'server',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
