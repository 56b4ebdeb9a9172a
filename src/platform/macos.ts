import { parseLaunchctlPrint } from './parse/launchctl.js';
import { parseLocalXmlGuid } from './parse/local-xml.js';
import { supportsIsolation } from './parse/version.js';
import { emptyFacts, type Facts } from './facts.js';
import type { Shell } from './shell.js';
import { DEFAULT_AMPCLI, ISOLATION_FILE, LOCAL_XML, macCmd } from './macos-commands.js';

/** macOS connector operations through the shell. */

export async function detectMacos(sh: Shell, ampcli = DEFAULT_AMPCLI): Promise<Facts> {
  const facts = emptyFacts('macos');
  const id = await sh.run(macCmd.userId());
  facts.elevated = id.exitCode === 0 ? id.stdout.trim() === '0' : undefined;

  if ((await sh.run(macCmd.executable(ampcli))).exitCode !== 0) return facts;
  facts.connector = { present: true, installDir: ampcli.replace(/\/[^/]+$/, ''), cliPath: ampcli };

  const version = await sh.run(macCmd.ampcli(ampcli, 'version'));
  const v = /(\d+\.\d+\.\d+(?:\.\d+)?)/.exec(version.stdout);
  if (v) {
    facts.connector.version = v[1];
    facts.connector.supportsIsolation = supportsIsolation('macos', v[1]);
  } else {
    facts.notes.push(`ampcli version printed no version number: ${JSON.stringify(version.stdout.trim().slice(0, 80))}`);
  }

  facts.service = { name: 'com.cisco.amp.daemon', state: await daemonState(sh) };
  facts.isolated = await isolationFilePresent(sh);
  const xml = await sh.run(macCmd.readFile(LOCAL_XML));
  facts.guid = xml.exitCode === 0 ? parseLocalXmlGuid(xml.stdout) : undefined;
  if (!facts.guid) facts.notes.push('no connector GUID at /config/agent/uuid in local.xml');
  return facts;
}

export async function daemonState(sh: Shell): Promise<'running' | 'stopped' | 'unknown'> {
  const r = await sh.run(macCmd.daemonPrint());
  const job = parseLaunchctlPrint(r.stdout);
  if (job) return job.state === 'running' ? 'running' : 'stopped';
  // launchctl print exits 113 when the job is not loaded at all.
  return r.exitCode === 113 ? 'stopped' : 'unknown';
}

/** true / false from `test -e`; undefined when the answer is not a clean one (timeout, error text, other exit). */
export async function isolationFilePresent(sh: Shell): Promise<boolean | undefined> {
  const r = await sh.run(macCmd.exists(ISOLATION_FILE));
  if (r.timedOut) return undefined;
  if (r.exitCode === 0) return true;
  // `test` says "false" with exit 1 and no output; anything else is a failure to ask, not an answer.
  return r.exitCode === 1 && r.stderr.trim() === '' ? false : undefined;
}

/** What `ampcli help` offers: Cisco's published list shows no isolation verb, so the tool checks before using it. */
export async function ampcliOffersIsolate(sh: Shell, ampcli: string): Promise<{ offers: boolean; help: string }> {
  const r = await sh.run(macCmd.ampcli(ampcli, 'help'));
  const help = (r.stdout + r.stderr).trim();
  return { offers: /\bisolat/i.test(help), help };
}
