#!/usr/bin/env node
// Kept to syntax every Node since 8 can parse, so an old Node prints this message instead of a SyntaxError.
var parts = process.versions.node.split('.').map(Number);
if (parts[0] < 20 || (parts[0] === 20 && parts[1] < 17)) {
  process.stderr.write(
    'isolation-rescue needs Node.js 20.17 or newer; this is ' + process.version + '.\n' +
    'Install a current Node.js (22 or 24 recommended), or carry the single-file build (npm run bundle).\n'
  );
  process.exit(1);
}
import('../dist/cli.js').then(function (m) { return m.main(process.argv.slice(2)); }).then(
  function (code) { process.exitCode = code; },
  function (err) { process.stderr.write('isolation-rescue: unexpected error: ' + (err && err.message ? err.message : String(err)) + '\n'); process.exitCode = 1; }
);
