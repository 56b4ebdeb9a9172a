import { describe, expect, it } from 'vitest';
import { parseWhoamiElevated } from '../../../src/platform/parse/whoami.js';
import { launchctlErrorCode, parseLaunchctlPrint } from '../../../src/platform/parse/launchctl.js';
import { parseBitLockerProtection } from '../../../src/platform/parse/bitlocker.js';
import { parseBcdSafeboot } from '../../../src/platform/parse/bcdedit.js';
import { parseLocalXmlGuid } from '../../../src/platform/parse/local-xml.js';
import { pickHighestSfc, supportsIsolation } from '../../../src/platform/parse/version.js';
import { fixture } from '../../helpers/fixtures.js';

describe('whoami /groups', () => {
  it('High Mandatory Level means elevated', () => expect(parseWhoamiElevated(fixture('windows-whoami-groups-high-mandatory.txt'))).toBe(true));
  it('Medium means not elevated; no label means unknown', () => {
    expect(parseWhoamiElevated('Mandatory Label\\Medium Mandatory Level Label S-1-16-8192')).toBe(false);
    expect(parseWhoamiElevated('GROUP INFORMATION')).toBeUndefined();
  });
});

describe('launchctl', () => {
  it('reads state = running and the pid from a real print', () => {
    expect(parseLaunchctlPrint(fixture('macos-launchctl-print-system-running-partial.txt'))).toEqual({ state: 'running', pid: 24784 });
  });
  it('finds no job in a not-found answer', () => expect(parseLaunchctlPrint(fixture('macos-launchctl-list-not-found.txt'))).toBeUndefined());
  it('reads launchd error numbers', () => {
    expect(launchctlErrorCode(fixture('macos-launchctl-bootout-failed-5.txt'))).toBe(5);
    expect(launchctlErrorCode(fixture('macos-launchctl-bootout-failed-3-no-such-process.txt'))).toBe(3);
    expect(launchctlErrorCode(fixture('macos-launchctl-unload-load-failed-5.txt'))).toBe(5);
    expect(launchctlErrorCode(fixture('macos-launchctl-unload-daemon-as-user.txt'))).toBe(5);
    expect(launchctlErrorCode(fixture('macos-launchctl-bootstrap-failed-5.txt'))).toBe(5);
  });
});

describe('manage-bde and bcdedit', () => {
  it('BitLocker on, off (comma locale)', () => {
    expect(parseBitLockerProtection(fixture('windows-manage-bde-status-protection-on.txt'))).toBe('on');
    expect(parseBitLockerProtection(fixture('windows-manage-bde-status-protection-off-comma-locale.txt'))).toBe('off');
    expect(parseBitLockerProtection('nothing')).toBe('unknown');
  });
  it('safeboot value in both samples', () => {
    expect(parseBcdSafeboot(fixture('windows-bcdedit-enum-safeboot-minimal.txt'))).toBe('Minimal');
    expect(parseBcdSafeboot(fixture('windows-bcdedit-enum-current-safeboot-win7.txt'))).toBe('Minimal');
    expect(parseBcdSafeboot('identifier {current}')).toBeUndefined();
  });
});

describe('local.xml and versions', () => {
  it('takes /config/agent/uuid, not another uuid', () => {
    const xml = '<config><janus><uuid>00000000-0000-0000-0000-000000000000</uuid></janus><agent><uuid>44B422F2-4D50-4720-B1AF-07B02D004020</uuid></agent></config>';
    expect(parseLocalXmlGuid(xml)).toBe('44b422f2-4d50-4720-b1af-07b02d004020');
    expect(parseLocalXmlGuid('<config><agent><uuid>not-a-guid</uuid></agent></config>')).toBeUndefined();
  });
  it('picks the highest version folder holding sfc.exe', () => {
    const out = 'C:\\Program Files\\Cisco\\AMP\\7.10.1.1\\sfc.exe\r\nC:\\Program Files\\Cisco\\AMP\\7.4.5.20701\\sfc.exe\r\nC:\\Program Files\\Cisco\\AMP\\tmp\\sfc.exe\r\n';
    expect(pickHighestSfc(out)).toEqual({ path: 'C:\\Program Files\\Cisco\\AMP\\7.10.1.1\\sfc.exe', version: '7.10.1.1' });
    expect(pickHighestSfc('INFO: Could not find files for the given pattern(s).')).toBeUndefined();
  });
  it('knows which versions support isolation', () => {
    expect(supportsIsolation('windows', '7.0.4.1')).toBe(false);
    expect(supportsIsolation('windows', '7.0.5')).toBe(true);
    expect(supportsIsolation('macos', '1.21.0')).toBe(true);
    expect(supportsIsolation('macos', '1.20.9')).toBe(false);
  });
});
