// npm run bundle: one file, dist/isolation-rescue.mjs, that runs with plain `node` from any folder with no
// node_modules and no network (a USB stick to an isolated computer). It needs the compiled dist/ (npm run build).
import { build } from 'esbuild';
import { readFileSync, readdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'isolation-rescue.mjs');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const result = await build({
  entryPoints: [join(root, 'bin', 'isolation-rescue.js')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile,
  metafile: true,
  minify: false,
  legalComments: 'none',
  // Parts of inquirer are CommonJS: in an ES module bundle they need a require of their own.
  // The entry's own #! line stays first.
  banner: { js: "import { createRequire as __irCreateRequire } from 'node:module';\nconst require = __irCreateRequire(import.meta.url);" },
  define: { __IR_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

// Every bundled package's licence text goes at the end of the file, so the notices travel with the code.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
  if (!m) continue;
  const name = m[m.length - 1].replace(/^node_modules\//, '').replace(/\/$/, '');
  const dir = join(root, input.slice(0, input.lastIndexOf(`node_modules/${name}/`) + `node_modules/${name}`.length));
  if (!packages.has(name)) packages.set(name, dir);
}
const notices = [...packages.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f) && statSync(join(dir, f)).isFile());
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${meta.license ?? 'see the package'}`;
  return `${name}@${meta.version} (${meta.license ?? '?'})\n\n${text}`;
});
const own = `isolation-rescue@${pkg.version} (${pkg.license})`;
const footer = `\n/*!\n * Licence notices of the code bundled in this file.\n *\n * ${own}\n *\n${notices.map((n) => n.replace(/\*\//g, '* /').split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')).join('\n *\n * ---\n *\n')}\n */\n`;
writeFileSync(outfile, readFileSync(outfile, 'utf8') + footer);
chmodSync(outfile, 0o755);
const size = statSync(outfile).size;
process.stdout.write(`${relative(root, outfile)}: ${(size / 1024).toFixed(0)} kB, ${packages.size} bundled packages with their licence notices\n`);
