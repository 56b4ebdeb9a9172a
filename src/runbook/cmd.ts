import type { Command } from '../executors/types.js';
import type { Runbook, RunbookStep } from './plan.js';
import { cmdArg, oneLine } from './quote.js';

/** Text for an unquoted echo or rem: cmd's operators escaped with ^; the characters expansion acts on dropped. */
const echoText = (s: string) => oneLine(s).replace(/[!%"]/g, '').replace(/[\^&|<>()]/g, (c) => `^${c}`);
/** Text inside set "WHY=..." or choice /M "...": quoted, so only what expansion acts on must go. */
const quotedText = (s: string) => oneLine(s).replace(/[!%"^]/g, '');
const call = (c: Command) => [cmdArg(c.program), ...c.args.map(cmdArg)].join(' ');

/**
 * A cmd.exe runbook (Windows): run it from an elevated prompt, `runbook.cmd [--yes]`. Straight-line labels
 * and gotos, no parenthesised blocks, and delayed expansion for every variable, so no value is ever parsed.
 */
export function renderCmd(rb: Runbook, header: string[]): string {
  const out: string[] = [
    '@echo off',
    ...header.map((h) => `rem ${echoText(h)}`),
    'rem Usage: THIS_FILE [--yes]   (from an elevated prompt; --yes answers the confirmations)',
    'rem Exit codes: 0 released (or not isolated), 2 bad input, 3 not released, 6 not elevated.',
    'setlocal EnableExtensions EnableDelayedExpansion',
    'set "YES=0"',
    'if /i "%~1"=="--yes" set "YES=1"',
    `echo ${echoText(rb.title)}`,
  ];
  rb.steps.forEach((s, i) => out.push('', `rem step ${i + 1}: ${s.kind}`, ...step(s, i + 1)));
  out.push(
    'exit /b 0',
    '',
    ':restart_abort',
    'echo Starting the connector service again...',
    `${call(rb.restart)} >nul 2>&1`,
    ':abort',
    'echo NOT RELEASED: !WHY!',
    'exit /b 3',
    '',
    ':nothing_to_do',
    'echo !WHY!',
    'exit /b 0',
    '',
  );
  return out.join('\r\n');
}

const fail = (kind: 'abort' | 'restart-abort', why: string, exitCode = false) => [`set "WHY=${quotedText(why)}${exitCode ? ' (exit !RC!)' : ''}"`, `goto :${kind === 'abort' ? 'abort' : 'restart_abort'}`];

function step(s: RunbookStep, n: number): string[] {
  switch (s.kind) {
    case 'say':
    case 'success':
      return [`echo ${echoText(s.text)}`];
    case 'admin':
      return ['net session >nul 2>&1', `if errorlevel 1 goto :not_admin_${n}`, `goto :admin_ok_${n}`, `:not_admin_${n}`, 'echo Run it from an elevated prompt: right-click Command Prompt, Run as administrator.', 'exit /b 6', `:admin_ok_${n}`];
    case 'find-service':
      return [
        'set "SVC="',
        `for /f "tokens=2" %%S in ('sc.exe query type^= service state^= all ^| findstr /B /C:"SERVICE_NAME: CiscoAMP"') do set "SVC=%%S"`,
        `if defined SVC goto :svc_${n}`,
        ...fail('abort', 'no CiscoAMP service was found'),
        `:svc_${n}`,
        'echo - the connector service is !SVC!',
      ];
    case 'find-sfc':
      return [
        'set "SFC="',
        `for /f "delims=" %%F in ('where.exe /R ${cmdArg(s.installDir)} sfc.exe') do set "SFC=%%F"`,
        `if defined SFC goto :sfc_${n}`,
        ...fail('abort', `no sfc.exe under ${s.installDir}`),
        `:sfc_${n}`,
      ];
    case 'read-code':
      return [
        'set "CODE=!ISOLATION_RESCUE_UNLOCK_CODE!"',
        `if defined CODE goto :code_${n}`,
        'set /p "CODE=Unlock code (from the console): "',
        `:code_${n}`,
        // Checked before use: a malformed code would waste one of the five attempts.
        `echo(!CODE!| findstr /R /X "[A-Za-z0-9._-][A-Za-z0-9._-]*" >nul`,
        `if errorlevel 1 goto :bad_code_${n}`,
        `if not "!CODE:~24!"=="" goto :bad_code_${n}`,
        `goto :code_ok_${n}`,
        `:bad_code_${n}`,
        'echo That is not an unlock code (1-24 letters, digits, . _ -); no attempt was made.',
        'exit /b 2',
        `:code_ok_${n}`,
      ];
    case 'need': {
      const bad = s.otherwise === 'nothing-to-do' ? [`set "WHY=${quotedText(s.because)}"`, 'goto :nothing_to_do'] : fail(s.otherwise, s.because);
      // errorlevel N means "N or more": present is exit 0, absent anything else.
      const good = s.want === 'present' ? 'if not errorlevel 1' : 'if errorlevel 1';
      return [`echo - check: ${echoText(s.title)}`, `${call(s.check)} >nul 2>&1`, `${good} goto :need_${n}`, ...bad, `:need_${n}`];
    }
    case 'confirm':
      return [
        `if "!YES!"=="1" goto :yes_${n}`,
        `choice /C YN /N /M "${quotedText(s.question)} [Y/N] "`,
        `if errorlevel 2 goto :no_${n}`,
        `goto :yes_${n}`,
        `:no_${n}`,
        'set "WHY=stopped at your answer"',
        `goto :${s.onNo === 'abort' ? 'abort' : 'restart_abort'}`,
        `:yes_${n}`,
      ];
    case 'run':
      return [
        `echo - ${echoText(s.title)}`,
        call(s.command),
        'set "RC=!ERRORLEVEL!"',
        ...s.ok.map((code) => `if "!RC!"=="${code}" goto :ran_${n}`),
        ...fail(s.onFail, `${s.title} failed`, true),
        `:ran_${n}`,
      ];
    case 'wait-service':
      return [
        'set /a TRIES=0',
        `:wait_${n}`,
        `sc.exe query "!SVC!" | findstr /C:"${s.state}" >nul`,
        `if not errorlevel 1 goto :waited_${n}`,
        'set /a TRIES+=1',
        `if !TRIES! GEQ ${s.seconds} goto :wait_failed_${n}`,
        'timeout /t 1 /nobreak >nul',
        `goto :wait_${n}`,
        `:wait_failed_${n}`,
        ...fail(s.onFail, `the service did not reach ${s.state} in ${s.seconds} seconds`),
        `:waited_${n}`,
      ];
    case 'pause':
      return [`timeout /t ${s.seconds} /nobreak >nul`];
  }
}
