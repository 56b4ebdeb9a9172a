import type { ComputerSummary, ConsoleApi, IsolationInfo } from '../cloud/console-api.js';
import { ApiError } from '../cloud/console-api.js';
import { advance, consoleStop } from './model.js';
import { SIM_UNLOCK_CODE, type SimState } from './state.js';

/** The simulated Secure Endpoint console: knows the unlock code, applies a stop only when the connector is online. */
export class SimulatedConsole implements ConsoleApi {
  readonly label = 'simulated console';

  constructor(
    private readonly state: SimState,
    private readonly persist: () => void = () => {},
  ) {}

  private check(guid: string): void {
    if (guid.toLowerCase() !== this.state.guid) throw new ApiError(`no computer with connector GUID ${guid}`, 404, 'not-found');
  }

  async getIsolation(guid: string): Promise<IsolationInfo> {
    this.check(guid);
    advance(this.state);
    const status = this.state.cloud.status;
    return { status, available: true, unlockCode: status === 'not_isolated' ? undefined : SIM_UNLOCK_CODE };
  }

  async stopIsolation(guid: string, comment: string): Promise<IsolationInfo> {
    this.check(guid);
    const outcome = consoleStop(this.state, comment);
    this.persist();
    if (outcome === 'not-isolated') throw new ApiError('the computer is not isolated', 409, 'conflict');
    return this.getIsolation(guid);
  }

  async findComputers(hostname: string): Promise<ComputerSummary[]> {
    return this.listComputers({ hostnames: [hostname] });
  }

  /** The simulated organisation has one computer, in every group. */
  async listComputers(filter: { groupGuid?: string; hostnames?: string[] }): Promise<ComputerSummary[]> {
    if (filter.hostnames && !filter.hostnames.some((h) => h.toLowerCase() === this.state.hostname.toLowerCase())) return [];
    return [{ connectorGuid: this.state.guid, hostname: this.state.hostname, connectorVersion: this.state.connectorVersion, isolationStatus: this.state.cloud.status }];
  }
}
