/** English text for every message id. {name} is filled from the message's params. */
export const en = {
  'help.text': `isolation-rescue — get a computer out of a stuck Cisco Secure Endpoint isolation

Usage
  isolation-rescue [options]            guided wizard (needs a terminal)
  isolation-rescue --non-interactive --method=METHOD [options]
                                        scripted run, no prompts
  isolation-rescue status [options]     read-only diagnosis

The ladder (--method=auto walks it top down, skipping what cannot run and saying why)
  console       stop isolation from the console, through the cloud API (any OS)
  unlock-code   the local unlock code: sfc.exe -n CODE / ampcli isolate stop CODE
  registry      Windows: stop the service, delete the unlock_code value, start it
  plist         macOS: remove endpoint_isolation.xml, reload the daemon
  jobs-db       Windows: stop the service, delete jobs.db, reboot
  safe-boot     Windows: the safe-boot procedure, as a hand-off (changes nothing)

Options
  --non-interactive        never prompt; answers come from the flags below
  --method=METHOD          auto (default), console, unlock-code, registry, plist,
                           jobs-db, safe-boot
  -y, --yes                accept default answers in the wizard (never the last
                           unlock attempt, never a reboot)
  --dry-run                run only read-only queries; print and record every
                           change without making it (result: not verified)
  --json                   print one JSON document (the session result) on stdout;
                           progress goes to stderr
  --simulate[=OS]          rehearse on the built-in virtual endpoint: windows
                           (default) or macos; no real command runs
  --scenario=NAME          start a fresh simulated endpoint: healthy, offline,
                           bad-code, protected, stubborn, stuck (macOS: healthy,
                           offline, bad-code, stuck); without it the saved one
                           continues (default offline)
  --unlock-code=CODE       the console's unlock code (or ISOLATION_RESCUE_UNLOCK_CODE)
  --allow-last-attempt     allow the unlock attempt that, if wrong, locks the
                           connector out for 30 minutes
  --reboot                 allow the reboot that finishes the jobs-db method
  --connector-guid=GUID    the computer for the console rung (default: local.xml)
  --hostname=NAME          find the computer in the console by host name
  --api-region=REGION      na (default), eu, apjc
  --api-url=URL            a private-cloud API base URL (https; http on loopback only)
  --comment=TEXT           the audit comment sent with the console stop
  --wait=SECONDS           how long to wait for the console stop to apply (120)
  --report=DIR             where to write session.json and summary.md
  --lang=LANG              en (default) or ja
  --no-color               no colour (NO_COLOR is honoured too)
  --verbose                show every command (secrets masked) as it runs
  -v, --version            print the version
  -h, --help               print this help

Environment
  SECURE_ENDPOINT_CLIENT_ID, SECURE_ENDPOINT_API_KEY
                           API credentials for the console rung (never a flag)
  ISOLATION_RESCUE_UNLOCK_CODE          the unlock code
  ISOLATION_RESCUE_PROTECTION_PASSWORD  Connector Protection password (sfc.exe -k)
  ISOLATION_RESCUE_STATE_DIR            ledger, backups, session reports, simulator
  NO_COLOR, FORCE_COLOR                 colour control
  ISOLATION_RESCUE_TARGET_OS, ISOLATION_RESCUE_AMPCLI
                           advanced: force windows/macos commands, or name ampcli's
                           path (used by the tests' fake binaries)

Exit codes
  0 recovered and verified (or not isolated)   1 unexpected error
  2 usage or bad input                         3 not recovered
  4 reboot required to finish                  5 unlock attempts exhausted
  6 not elevated                               7 unsupported here
  130 cancelled (Ctrl-C, SIGTERM)

Examples
  npx isolation-rescue --simulate --scenario=offline --non-interactive --unlock-code=fwq8qw
  isolation-rescue status --json
  isolation-rescue --non-interactive --method=registry --json
  isolation-rescue --non-interactive --method=jobs-db --reboot
`,
  'usage.unknownCommand': "unknown command '{command}'",
  'usage.commands': 'commands: (none) for the rescue, status',
  'usage.unexpectedArgument': "unexpected argument '{arg}'",
  'usage.unknownMethod': "unknown method '{method}'",
  'usage.methods': 'methods: auto, {methods}',
  'usage.simulateOs': "--simulate takes windows or macos, not '{value}'",
  'usage.scenarioNeedsSimulate': '--scenario only makes sense with --simulate',
  'usage.addSimulate': 'add --simulate (or --simulate=macos)',
  'usage.unknownScenario': "unknown scenario '{scenario}'",
  'usage.scenarios': 'scenarios: {scenarios}',
  'usage.windowsOnlyScenario': "scenario '{scenario}' is Windows-only",
  'usage.macosScenarios': 'macOS scenarios: {scenarios}',
  'usage.badUnlockCode': 'the unlock code in {source} is not valid: {problem}',
  'usage.copyCode': 'copy the code exactly as the console shows it (Management > Computers > the computer)',
  'usage.badGuid': '--connector-guid is not a connector GUID',
  'usage.guidForm': 'expected 8-4-4-4-12 hex digits, as the console shows it',
  'usage.badHostname': '--hostname is not a valid host name',
  'usage.hostnameForm': 'letters, digits, hyphens and dots only',
  'usage.badRegion': "--api-region takes na, eu or apjc, not '{value}'",
  'usage.badUrl': '--api-url is not a URL',
  'usage.urlNotHttps': '--api-url must use https (plain http only for a loopback address)',
  'usage.badComment': '--comment must be one line of at most 500 characters',
  'usage.badWait': '--wait takes a whole number of seconds',
  'usage.badLang': '--lang takes {langs}',
  'usage.rebootDryRun': '--reboot and --dry-run contradict each other',
  'usage.dryRunNoReboot': 'a dry run changes nothing, so it never reboots',
  'usage.seeHelp': 'run isolation-rescue --help for the list of options',
  'error.noTerminal': 'no terminal to ask questions on, and --non-interactive was not given',
  'hint.noTerminal': 'scripts: add --non-interactive --method=auto (or a method); see --help',
  'error.plain': '{detail}',
  'error.unexpected': 'unexpected error: {detail}',
  'error.methodNotForOs': "the method '{method}' does not apply to {os}",
  'hint.methodsForOs': 'methods for this OS: {methods}',
  'error.noConnector': 'no Secure Endpoint connector was found on this computer',
  'hint.noConnector': 'from here you can still use the console rung (--method=console with API credentials and --connector-guid or --hostname), or rehearse with --simulate',
  'error.noSuchHost': 'the console has no computer named {hostname}',
  'error.manyHosts': 'several computers are named {hostname}: {list}; pick one with --connector-guid',
  'error.osWithoutIsolation': 'Secure Endpoint has no endpoint isolation on this OS',
  'error.notElevated': 'this needs administrator rights',
  'hint.elevateWindows': 'open "Command Prompt" with right-click > Run as administrator, then run the same command again',
  'hint.elevateMacos': 'run the same command again with sudo',
  'hint.notRecoveredWindows': 'hand the session report to the security team; next: safe boot (see the safe-boot steps above) or Cisco TAC',
  'hint.notRecoveredMacos': 'hand the session report to the security team; next: Cisco TAC, with the session report',
  'skip.noConnector': 'no connector on this computer',
  'skip.notElevated': 'needs administrator rights',
  'skip.noService': 'the connector service was not found',
  'skip.noConnectorCli': 'the connector command-line tool (sfc.exe / ampcli) was not found',
  'skip.noUnlockCode': 'no unlock code (give --unlock-code or ISOLATION_RESCUE_UNLOCK_CODE, or API credentials to fetch it)',
  'skip.fetchedCodeMalformed': 'the unlock code from the console does not look like one; not trying it',
  'skip.noApiCredentials': 'no API credentials (set SECURE_ENDPOINT_CLIENT_ID and SECURE_ENDPOINT_API_KEY)',
  'skip.noGuid': 'no connector GUID (give --connector-guid or --hostname)',
  'confirm.registry': 'Stop the connector service, delete the unlock_code registry value (after a backup) and start the service again?',
  'confirm.jobsDb': 'Stop the connector service and delete {path} (after a backup)?',
  'confirm.plist': 'Delete {path} (after a backup) and reload the Secure Endpoint daemon?',
  'confirm.reboot': 'Reboot this computer now to finish?',
  'confirm.lastAttempt': 'This is the last unlock attempt before a 30-minute lockout. Try it?',
  'refused.byUser': 'not confirmed, nothing changed',
  'step.backupRegistry': 'back up HKLM\\SOFTWARE\\Immunet Protect',
  'step.backupFile': 'back up {path}',
  'step.stopService': 'stop the service {service}',
  'step.startService': 'start the service {service}',
  'step.deleteValue': 'delete the unlock_code value',
  'step.deleteFile': 'delete {path}',
  'step.findJobsDb': 'find {path}',
  'step.checkDeleted': 'check {path} is gone',
  'step.reboot': 'reboot',
  'step.unload': 'launchctl unload the daemon',
  'step.load': 'launchctl load the daemon',
  'step.unlock': 'try the unlock code ({left} attempts left)',
  'step.ampcliHelp': 'check what ampcli offers',
  'step.bitlocker': 'check BitLocker (manage-bde -status)',
  'step.bcdedit': 'read the boot settings (bcdedit)',
  'step.consoleRead': 'read the isolation state from the {console}',
  'step.consoleStop': 'send Stop Isolation',
  'step.consolePoll': 'wait up to {seconds} s for the connector to apply it',
  'step.cancelled': 'cancelled',
  'step.error': '{detail}',
  'stop.accessDenied': 'the service {service} refused to stop (Access is denied): Connector Protection is probably on. Set ISOLATION_RESCUE_PROTECTION_PASSWORD to stop it with sfc.exe -k, or use safe boot',
  'stop.passwordRefused': 'sfc.exe -k did not stop the service: {detail}',
  'stop.timeout': 'the service {service} did not stop in time ({detail})',
  'stop.failed': 'could not stop the service {service}: {detail}',
  'service.notRestarted': 'the service {service} did not start again',
  'registry.accessDenied': 'reg delete was refused (Access is denied): the service is still running',
  'registry.deleteFailed': 'reg delete failed (exit {exit})',
  'registry.cameBack': 'the unlock_code value came back when the service started',
  'jobsDb.alreadyGone': '{path} is already gone (an earlier run deleted it): only the reboot is left',
  'jobsDb.stillThere': '{path} is still there after deleting it ({detail})',
  'jobsDb.stillIsolated': 'still isolated after the reboot',
  'reboot.needed': 'jobs.db is deleted; a reboot is needed to finish (run again with --reboot, or reboot, then run isolation-rescue status)',
  'reboot.started': 'the computer is rebooting; after it is back, run isolation-rescue status to verify',
  'reboot.commandFailed': 'the reboot command failed (exit {exit}); reboot by hand to finish',
  'plist.removeFailed': 'could not remove the isolation file: {detail}',
  'plist.unloadFailed': 'launchctl unload failed: {detail}',
  'plist.cameBack': 'the isolation file came back when the daemon loaded',
  'unlock.lockedOut': 'unlock attempts are exhausted; the connector accepts codes again after {until}',
  'unlock.lastAttemptRefused': '{used} of 5 attempts are used: the next wrong code locks the connector out for 30 minutes. Check the code, then pass --allow-last-attempt',
  'unlock.rejected': 'the unlock code was rejected ({left} attempts left): {said}',
  'unlock.timedOut': 'the unlock command did not finish in time ({left} attempts left)',
  'unlock.ampcliNoIsolateVerb': "ampcli help does not list an isolation command; trying 'ampcli isolate stop' as the Cisco note says. ampcli offers: {help}",
  'console.apiError': 'the console API failed: {detail}',
  'console.pendingStop': 'the console stop stays pending_stop: the connector cannot reach the cloud. Next: the unlock code',
  'console.stillIsolated': 'the console still shows {status}',
  'console.localStillIsolated': 'the console shows not isolated, but this computer is still isolated',
  'verify.failed': 'verification failed (service: {service})',
  'dryRun.unverified': 'dry run: nothing was changed, so nothing is verified',
  'backup.failed': 'the backup failed, so nothing was deleted: {detail}',
  'safeBoot.intro': 'Safe boot: Windows starts without the connector service, so the value or jobs.db can be removed.',
  'safeBoot.msconfig': '1. Run msconfig > Boot > Boot options > Safe boot (Minimal), OK, restart. Or, elevated: bcdedit /set {current} safeboot minimal, then restart.',
  'safeBoot.bcdedit': '   (bcdedit is exact: the {current} entry, the value safeboot, the setting minimal.)',
  'safeBoot.inSafeMode': '2. In safe mode, elevated: reg delete "HKLM\\SOFTWARE\\Immunet Protect" /v unlock_code /f (or delete jobs.db in the install folder).',
  'safeBoot.undo': '3. Undo before the normal restart: msconfig > Boot > clear Safe boot, or bcdedit /deletevalue {current} safeboot. Then restart and run isolation-rescue status.',
  'safeBoot.bitlockerOn': 'BitLocker protection is ON: changing boot settings may make Windows ask for the BitLocker recovery key. Have it ready before restarting.',
  'safeBoot.bitlockerOff': 'BitLocker protection is off on the system drive.',
  'safeBoot.bitlockerUnknown': 'Could not read the BitLocker state: have the recovery key ready in case Windows asks for it.',
  'safeBoot.soc': 'Tell the security team first: safe boot and stopping the agent look like tampering to detections.',
  'safeBoot.alreadySet': 'Safe boot is already set on this computer (safeboot {value}).',
  'safeBoot.handOff': 'every automatic method is exhausted; safe boot is the next step, by hand',
  'outcome.recovered': 'isolation is released and verified',
  'outcome.notIsolated': 'this computer is not isolated: nothing to do',
  'outcome.notRecovered': 'isolation was not released',
  'outcome.notRecoveredBecause': 'isolation was not released: {reason}',
  'outcome.lockedOut': 'unlock attempts are exhausted',
  'outcome.cancelled': 'cancelled ({signal}); anything stopped was started again',
  'outcome.declined': 'no method chosen; nothing changed',
  'outcome.dryRun': 'dry run: these are the commands a real run would send; nothing was changed',
  'progress.skipped': 'skipped',
  'progress.verified': 'verified',
  'progress.notVerified': 'not verified',
  'progress.serviceRestarted': 'started {service} again',
  'progress.serviceNotRestarted': 'could NOT start {service} again: {detail}; start it by hand (sc start {service})',
  'summary.result': 'Result',
  'summary.next': 'Next',
  'summary.backups': 'Backups',
  'summary.report': 'Report',
  'status.endpoint': 'Endpoint',
  'status.os': 'OS',
  'status.elevated': 'Admin rights',
  'status.connector': 'Connector',
  'status.version': 'Version',
  'status.service': 'Service',
  'status.isolated': 'Isolated',
  'status.guid': 'Connector GUID',
  'status.yes': 'yes',
  'status.no': 'no',
  'status.unknown': 'unknown',
  'status.notFound': 'not found',
  'status.note': 'Note',
  'status.supportsIsolation': 'supports isolation',
  'status.noIsolationSupport': 'too old for isolation',
  'status.canConsole': 'console rung: set SECURE_ENDPOINT_CLIENT_ID and SECURE_ENDPOINT_API_KEY, then --method=console',
  'status.canConsoleNow': 'console rung: API credentials are set',
  'status.canSimulate': 'rehearse: isolation-rescue --simulate',
  'status.canUnlock': 'unlock code: --unlock-code=CODE (from the console: Management > Computers)',
  'status.canRegistry': 'registry method: --method=registry (as administrator)',
  'status.canPlist': 'plist method: --method=plist (with sudo)',
  'status.notIsolatedNothingNeeded': 'not isolated: nothing to do',
} as const;

export type MessageId = keyof typeof en;
