import type { Command } from '../executors/types.js';
import type { Runbook, RunbookStep } from './plan.js';
import { oneLine, ps1Arg } from './quote.js';

const text = (s: string) => ps1Arg(oneLine(s));
/** The call operator with an argument array: PowerShell passes each element as one argument. */
const call = (c: Command) => `& ${ps1Arg(c.program)} @(${c.args.map(ps1Arg).join(', ')})`;

/** A PowerShell runbook (Windows): `powershell -ExecutionPolicy Bypass -File runbook.ps1 [-Yes]`, elevated. */
export function renderPs1(rb: Runbook, header: string[]): string {
  const out: string[] = [
    ...header.map((h) => `# ${oneLine(h)}`),
    '# Usage: powershell -ExecutionPolicy Bypass -File THIS_FILE [-Yes]   (elevated; -Yes answers the confirmations)',
    '# Exit codes: 0 released (or not isolated), 2 bad input, 3 not released, 6 not elevated.',
    'param([switch]$Yes)',
    "$ErrorActionPreference = 'Continue'",
    'function Fail([string]$Why, [switch]$Restart) {',
    `  if ($Restart) { Write-Host 'Starting the connector service again...'; ${call(rb.restart)} *> $null }`,
    "  Write-Host \"NOT RELEASED: $Why\"; exit 3",
    '}',
    'function Confirm-Step([string]$Question) {',
    '  if ($Yes) { return $true }',
    "  return (Read-Host \"$Question [y/N]\") -match '^(y|yes)$'",
    '}',
    `Write-Host ${text(rb.title)}`,
  ];
  rb.steps.forEach((s, i) => out.push('', `# step ${i + 1}: ${s.kind}`, ...step(s)));
  out.push('exit 0', '');
  return out.join('\r\n');
}

const failWith = (kind: 'abort' | 'restart-abort', why: string) => `Fail ${text(why)}${kind === 'restart-abort' ? ' -Restart' : ''}`;

function step(s: RunbookStep): string[] {
  switch (s.kind) {
    case 'say':
    case 'success':
      return [`Write-Host ${text(s.text)}`];
    case 'admin':
      return [
        '$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())',
        "if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) { Write-Host 'Run it from an elevated PowerShell (Run as administrator).'; exit 6 }",
      ];
    case 'find-service':
      return ["$SVC = (Get-Service -Name 'CiscoAMP*' -ErrorAction SilentlyContinue | Select-Object -First 1).Name", `if (-not $SVC) { ${failWith('abort', 'no CiscoAMP service was found')} }`, 'Write-Host "- the connector service is $SVC"'];
    case 'find-sfc':
      return [
        `$SFC = (Get-ChildItem -Path ${ps1Arg(s.installDir)} -Filter 'sfc.exe' -Recurse -ErrorAction SilentlyContinue | Sort-Object { [version]$_.Directory.Name } -ErrorAction SilentlyContinue | Select-Object -Last 1).FullName`,
        `if (-not $SFC) { ${failWith('abort', `no sfc.exe under ${s.installDir}`)} }`,
      ];
    case 'read-code':
      return [
        '$CODE = $env:ISOLATION_RESCUE_UNLOCK_CODE',
        "if (-not $CODE) { $CODE = [Runtime.InteropServices.Marshal]::PtrToStringAuto([Runtime.InteropServices.Marshal]::SecureStringToBSTR((Read-Host 'Unlock code (from the console; not shown)' -AsSecureString))) }",
        // Checked before use: a malformed code would waste one of the five attempts.
        "if ($CODE -notmatch '^[A-Za-z0-9._-]{1,24}$') { Write-Host 'That is not an unlock code (1-24 letters, digits, . _ -); no attempt was made.'; exit 2 }",
      ];
    case 'need': {
      const bad = s.otherwise === 'nothing-to-do' ? `Write-Host ${text(s.because)}; exit 0` : failWith(s.otherwise, s.because);
      return [`Write-Host ${text(`- check: ${s.title}`)}`, `${call(s.check)} *> $null`, `if ($LASTEXITCODE ${s.want === 'present' ? '-ne' : '-eq'} 0) { ${bad} }`];
    }
    case 'confirm':
      return [`if (-not (Confirm-Step ${text(s.question)})) { ${failWith(s.onNo, 'stopped at your answer')} }`];
    case 'run':
      return [
        `Write-Host ${text(`- ${s.title}`)}`,
        call(s.command),
        `if (@(${s.ok.join(', ')}) -notcontains $LASTEXITCODE) { Fail (${text(`${s.title} failed (exit `)} + $LASTEXITCODE + ')')${s.onFail === 'restart-abort' ? ' -Restart' : ''} }`,
      ];
    case 'wait-service':
      return [
        '$deadline = (Get-Date).AddSeconds(' + s.seconds + ')',
        `while ((Get-Service -Name $SVC).Status -ne '${s.state === 'STOPPED' ? 'Stopped' : 'Running'}') {`,
        `  if ((Get-Date) -gt $deadline) { ${failWith(s.onFail, `the service did not reach ${s.state} in ${s.seconds} seconds`)} }`,
        '  Start-Sleep -Seconds 1',
        '}',
      ];
    case 'pause':
      return [`Start-Sleep -Seconds ${s.seconds}`];
  }
}
