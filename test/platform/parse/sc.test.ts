import { describe, expect, it } from 'vitest';
import { isAccessDenied, parseScQuery, scErrorCode } from '../../../src/platform/parse/sc.js';
import { fixture } from '../../helpers/fixtures.js';

describe('sc.exe parsers on real output', () => {
  it('reads STOPPED (with a leading blank line)', () => {
    expect(parseScQuery(fixture('windows-sc-query-stopped.txt'))).toEqual([{ name: 'osqueryd', state: 'stopped' }]);
  });
  it('reads RUNNING then STOP_PENDING from two runs', () => {
    const s = parseScQuery(fixture('windows-sc-query-running-then-stop-pending.txt'));
    expect(s.map((x) => x.state)).toEqual(['running', 'stop_pending']);
  });
  it('reads a full Win7 listing with display names and trailing spaces', () => {
    const s = parseScQuery(fixture('windows-sc-query-state-all-win7.txt'));
    expect(s.map((x) => [x.name, x.state])).toEqual([
      ['WPCSvc', 'stopped'],
      ['WPDBusEnum', 'stopped'],
      ['ws2ifsl', 'stopped'],
      ['wscsvc', 'running'],
    ]);
    expect(s[3].displayName).toBe('Security Center');
  });
  it('tolerates collapsed column spacing (queryex sample) and reads the PID', () => {
    expect(parseScQuery(fixture('windows-sc-queryex-running-msdocs.txt'))).toEqual([{ name: 'scardsvr', state: 'running', pid: 1320 }]);
  });
  it('reads START_PENDING with a PID', () => {
    expect(parseScQuery(fixture('windows-sc-start-start-pending.txt'))[0]).toMatchObject({ state: 'start_pending', pid: 6308 });
  });
  it('finds the service after failures in the same output', () => {
    const s = parseScQuery(fixture('windows-sc-start-running-after-create.txt'));
    expect(s).toEqual([{ name: 'GoodbyeDPI', state: 'running', pid: 2148 }]);
  });
  it('reads error numbers: 1060 not installed, 5 access denied', () => {
    expect(scErrorCode(fixture('windows-sc-openservice-failed-1060.txt'))).toBe(1060);
    expect(scErrorCode(fixture('windows-sc-query-not-installed-1060.txt'))).toBe(1060);
    expect(scErrorCode(fixture('windows-sc-start-openservice-failed-1060.txt'))).toBe(1060);
    expect(scErrorCode(fixture('windows-sc-stop-access-denied.txt'))).toBe(5);
    expect(isAccessDenied(1, fixture('windows-sc-start-access-denied.txt'))).toBe(true);
    expect(isAccessDenied(1060, fixture('windows-sc-openservice-failed-1060.txt'))).toBe(false);
  });
  it('finds no service in text that has none', () => {
    expect(parseScQuery(fixture('windows-sc-openservice-failed-1060.txt'))).toEqual([]);
  });
});
