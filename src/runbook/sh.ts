import type { Command } from '../executors/types.js';
import type { Runbook, RunbookStep } from './plan.js';
import { oneLine, shArg } from './quote.js';

/** Shell built-ins that must run as the programs the tool runs (the same binaries answer both). */
const BUILTINS = new Set(['test', '[', 'echo', 'printf', 'pwd', 'kill']);
const q = (s: string) => shArg(oneLine(s));

function call(c: Command): string {
  const words = [shArg(c.program), ...c.args.map(shArg)];
  return BUILTINS.has(c.program) ? `env ${words.join(' ')}` : words.join(' ');
}

/** A POSIX sh runbook (macOS): `sudo sh runbook.sh [--yes]`. Exit codes follow the tool's contract. */
export function renderSh(rb: Runbook, header: string[]): string {
  const out: string[] = [
    '#!/bin/sh',
    ...header.map((h) => `# ${oneLine(h)}`),
    '# Usage: sudo sh THIS_FILE [--yes]   (--yes answers the confirmations; nothing else is skipped)',
    '# Exit codes: 0 released (or not isolated), 2 bad input, 3 not released, 6 not root.',
    'set -u',
    'YES=0',
    'if [ "${1:-}" = "--yes" ]; then YES=1; fi',
    'AMPCLI="${ISOLATION_RESCUE_AMPCLI:-/opt/cisco/amp/ampcli}"',
    "say() { printf '%s\\n' \"$*\"; }",
    'fail() { say "NOT RELEASED: $1${2:+ (exit $2)}"; exit 3; }',
    `restart() { say 'Starting the connector again...'; ${call(rb.restart)} >/dev/null 2>&1 || say 'Could not start it: start it by hand.'; }`,
    "confirm() {",
    '  if [ "$YES" = 1 ]; then return 0; fi',
    "  printf '%s [y/N] ' \"$1\"",
    '  read -r answer </dev/tty || return 1',
    '  case "$answer" in y|Y|yes|YES) return 0 ;; *) return 1 ;; esac',
    '}',
    `say ${q(rb.title)}`,
  ];
  rb.steps.forEach((s, i) => out.push('', `# step ${i + 1}: ${s.kind}`, ...step(s)));
  out.push('exit 0', '');
  return out.join('\n');
}

function onFail(kind: 'abort' | 'restart-abort', because: string, withRc = false): string {
  const f = `fail ${q(because)}${withRc ? ' "$rc"' : ''}`;
  return kind === 'restart-abort' ? `restart; ${f}` : f;
}

function step(s: RunbookStep): string[] {
  switch (s.kind) {
    case 'say':
      return [`say ${q(s.text)}`];
    case 'admin':
      return ['if [ "$(id -u)" != 0 ]; then say "Run it as root: sudo sh $0"; exit 6; fi'];
    case 'read-code':
      return [
        'CODE="${ISOLATION_RESCUE_UNLOCK_CODE:-}"',
        'if [ -z "$CODE" ]; then',
        "  printf 'Unlock code (from the console; not shown): '",
        '  stty -echo </dev/tty 2>/dev/null; read -r CODE </dev/tty; stty echo </dev/tty 2>/dev/null; echo',
        'fi',
        // Checked before use, as the tool does: a malformed code would waste one of the five attempts.
        "case \"$CODE\" in ''|*[!A-Za-z0-9._-]*) say 'That is not an unlock code (letters, digits, . _ - only); no attempt was made.'; exit 2 ;; esac",
        "if [ ${#CODE} -gt 24 ]; then say 'That code is too long (24 at most); no attempt was made.'; exit 2; fi",
      ];
    case 'need': {
      const test = `${call(s.check)} >/dev/null 2>&1`;
      const bad = s.otherwise === 'nothing-to-do' ? `say ${q(s.because)}; exit 0` : onFail(s.otherwise, s.because);
      return [`say ${q(`- check: ${s.title}`)}`, s.want === 'present' ? `if ${test}; then :; else ${bad}; fi` : `if ${test}; then ${bad}; fi`];
    }
    case 'confirm':
      return [`if confirm ${q(s.question)}; then :; else ${s.onNo === 'restart-abort' ? 'restart; ' : ''}say 'Stopped at your answer.'; exit 3; fi`];
    case 'run':
      return [
        `say ${q(`- ${s.title}`)}`,
        `say ${q(`  $ ${[s.command.program, ...s.command.args].join(' ').replace(/\u0000([A-Z]+)\u0000/g, '$$$1')}`)}`,
        `${call(s.command)}`,
        'rc=$?',
        `case "$rc" in ${s.ok.join('|')}) ;; *) ${onFail(s.onFail, `${s.title} failed`, true)} ;; esac`,
      ];
    case 'pause':
      return [`sleep ${s.seconds}`];
    case 'success':
      return [`say ${q(s.text)}`];
    case 'wait-service':
    case 'find-service':
    case 'find-sfc':
      throw new Error(`${s.kind} has no sh form: sh runbooks are for macOS`);
  }
}
