import { describe, expect, it } from 'vitest';
import { isRegNotFound, isRegSuccess, parseRegQuery } from '../../../src/platform/parse/reg.js';
import { isAccessDenied } from '../../../src/platform/parse/sc.js';
import { fixture } from '../../helpers/fixtures.js';

describe('reg.exe parsers on real output', () => {
  it('reads a value with spaces in its data', () => {
    expect(parseRegQuery(fixture('windows-reg-query-value-present.txt'))).toEqual([{ name: 'ProductName', type: 'REG_SZ', data: 'Windows 10 Home' }]);
  });
  it('recognises "unable to find", also wrapped by PowerShell', () => {
    expect(isRegNotFound(fixture('windows-reg-query-not-found.txt'))).toBe(true);
    expect(isRegNotFound(fixture('windows-reg-delete-not-found-powershell.txt'))).toBe(true);
    expect(parseRegQuery(fixture('windows-reg-query-not-found.txt'))).toEqual([]);
  });
  it('recognises Access is denied', () => {
    expect(isAccessDenied(1, fixture('windows-reg-access-denied.txt'))).toBe(true);
  });
  it('treats an ERROR line as failure even with exit 0', () => {
    expect(isRegSuccess(0, 'The operation completed successfully.\r\n')).toBe(true);
    expect(isRegSuccess(0, fixture('windows-reg-delete-success-and-syntax-error.txt'))).toBe(false);
  });
});
