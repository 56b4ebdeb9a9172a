/** The --help text: every command, flag, environment variable and exit code. Fits 80 columns (tested). */
export const HELP_TEXT = `isolation-rescue - get a computer out of a stuck Cisco Secure Endpoint isolation

Usage
  isolation-rescue [options]           guided wizard (needs a terminal)
  isolation-rescue --non-interactive --method=METHOD [options]
                                       scripted run, no prompts
  isolation-rescue status [options]    read-only diagnosis of the endpoint
  isolation-rescue status --hostname=NAME | --connector-guid=GUID
                                       the console's view of a computer (API)
  isolation-rescue fleet --group-guid=GUID | --hostnames-file=FILE |
                         --guids-file=FILE
                                       release many computers through the
                                       console, under the API rate limit
  isolation-rescue runbook --os=OS --method=METHOD [--format=F] [--output=FILE]
                                       a standalone script of one method, for
                                       an endpoint without Node
  isolation-rescue restore [SESSION]   put back what SESSION removed (the
                                       unlock_code value, jobs.db or
                                       endpoint_isolation.xml) from its
                                       backups; alone, list what can be

The ladder (--method=auto walks it top down, skipping what cannot run, and why)
  console       stop isolation from the console, through the cloud API (any OS)
  unlock-code   the unlock code: sfc.exe -n CODE / ampcli isolate stop CODE
  registry      Windows: stop the service, delete the unlock_code value, start
  plist         macOS: remove endpoint_isolation.xml, reload the daemon
  jobs-db       Windows: stop the service, delete jobs.db, reboot
  safe-boot     Windows: the safe-boot procedure, a hand-off (changes nothing)

Options
  --non-interactive        never prompt; answers come from the flags below
  --method=METHOD          auto (default), console, unlock-code, registry,
                           plist, jobs-db, safe-boot
  -y, --yes                accept default answers in the wizard (never the last
                           unlock attempt, never a reboot); confirms a restore
  --dry-run                run only read-only queries; print and record every
                           change without making it (result: not verified)
  --json                   one JSON document (the result) on stdout; progress
                           and prompts go to stderr
  --simulate[=OS]          rehearse on the built-in virtual endpoint: windows
                           (default) or macos; no real command runs
  --scenario=NAME          start a fresh simulated endpoint: healthy, offline,
                           bad-code, protected, stubborn, stuck (macOS: healthy,
                           offline, bad-code, stuck); without it the saved one
                           continues (default offline)
  --unlock-code=CODE       the console's unlock code (or the environment)
  --allow-last-attempt     allow the unlock attempt that, if wrong, locks the
                           connector out for 30 minutes
  --reboot                 allow the reboot that finishes the jobs-db method
  --connector-guid=GUID    the computer for the console (default: local.xml)
  --hostname=NAME          find the computer in the console by host name
  --api-region=REGION      na (default), eu, apjc
  --api-url=URL            a private-cloud API URL (https; http on loopback)
  --comment=TEXT           the audit comment sent with the console stop
  --wait=SECONDS           how long to wait for a console stop to apply (120)
  --report=DIR             where to write session.json and summary.md
  --executor=local|ssh     where commands run: here (default), or over ssh
  --host=DEST              with --executor=ssh: user@host or
                           ssh://user@host:port (a key, host in known_hosts)
  --os=windows|macos       runbook: the endpoint's OS
  --format=cmd|ps1|sh      runbook: cmd (Windows default), ps1, sh (macOS)
  --output=FILE            runbook: write to FILE (replaces one only with --yes)
  --group-guid=GUID        fleet: every computer of this console group
  --hostnames-file=FILE    fleet: one host name a line (# comments allowed)
  --guids-file=FILE        fleet: one connector GUID a line
  --show-codes             fleet and status: show unlock codes on screen
                           (never written to reports)
  --lang=LANG              en (default) or ja
  --color, --no-color      force colour on or off (NO_COLOR is honoured too)
  --verbose                show every command (secrets masked) as it runs
  -v, --version            print the version
  -h, --help               print this help

Environment
  SECURE_ENDPOINT_CLIENT_ID, SECURE_ENDPOINT_API_KEY
                           API credentials for the console (never a flag)
  ISOLATION_RESCUE_UNLOCK_CODE          the unlock code
  ISOLATION_RESCUE_PROTECTION_PASSWORD  Connector Protection password (sfc -k)
  ISOLATION_RESCUE_STATE_DIR            ledger, backups, reports, simulator
  ISOLATION_RESCUE_SSH_CONFIG           an ssh_config file for --executor=ssh
  NO_COLOR, FORCE_COLOR                 colour control
  ISOLATION_RESCUE_TARGET_OS, ISOLATION_RESCUE_AMPCLI
                           advanced: force windows/macos commands, or name
                           ampcli's path (used by the tests' fake binaries)

Exit codes
  0 recovered and verified (or not isolated)   1 unexpected error
  2 usage or bad input, or another run holds   3 not recovered
    this endpoint's lock (nothing was run)     4 reboot required to finish
  5 unlock attempts exhausted                  6 not elevated
  7 unsupported here                           130 cancelled (Ctrl-C, SIGTERM)

After a reboot (jobs-db) or the safe-boot hand-off, the next run continues
that session: it verifies first, then goes on from the rung after.

Examples
  npx isolation-rescue --simulate --scenario=offline
  isolation-rescue --simulate --non-interactive --unlock-code=fwq8qw --json
  isolation-rescue status --json
  isolation-rescue --non-interactive --method=registry --json
  isolation-rescue --non-interactive --method=jobs-db --reboot
  isolation-rescue --executor=ssh --host=admin@mac-017 --method=plist
  isolation-rescue runbook --os=windows --method=registry --output=reg.cmd
  isolation-rescue status --hostname=pc-042 --show-codes
  isolation-rescue fleet --hostnames-file=today.txt --wait=300 --json
  isolation-rescue restore 20261203-162805-1a2b --yes
`;
