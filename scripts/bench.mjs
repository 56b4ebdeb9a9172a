#!/usr/bin/env node
// Start-up and a whole simulated ladder, compared with bare `node`. A benchmark, not a test: it prints numbers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../bin/isolation-rescue.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const state = mkdtempSync(join(tmpdir(), 'ir-bench-'));
const bundle = resolve(bin, '../../dist/isolation-rescue.mjs');
const cases = [
  ['bare node', ['-e', '0']],
  ['--version', [bin, '--version']],
  ['--help', [bin, '--help']],
  ['simulated ladder (stubborn, --reboot, --json)', [bin, '--simulate', '--scenario=stubborn', '--non-interactive', '--reboot', '--json']],
  ['runbook --os=windows --method=registry', [bin, 'runbook', '--os=windows', '--method=registry']],
  ...(existsSync(bundle)
    ? [
        ['bundle --version', [bundle, '--version']],
        ['bundle: simulated ladder (stubborn)', [bundle, '--simulate', '--scenario=stubborn', '--non-interactive', '--reboot', '--json']],
      ]
    : []),
];
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, args] of cases) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, ISOLATION_RESCUE_STATE_DIR: state }, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
  }
  console.log(`${name.padEnd(48)} median ${median(times).toFixed(1)} ms  (min ${Math.min(...times).toFixed(1)}, ${runs} runs)`);
}
