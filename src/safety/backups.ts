import { joinEndpointPath, splitEndpointPath } from '../platform/paths.js';
import type { Shell } from '../platform/shell.js';
import { winCmd } from '../platform/windows-commands.js';
import { macCmd } from '../platform/macos-commands.js';
import { fileExists } from '../platform/windows.js';

export interface BackupRecord {
  kind: 'registry-key' | 'file';
  /** What was backed up: the registry key or the file's path on the endpoint. */
  original: string;
  /** Where the copy is, on the endpoint. */
  backup: string;
  takenAt: string;
}

export class BackupError extends Error {}

/**
 * Copies taken on the endpoint, through the executor, before anything is changed there.
 * Each copy is checked to exist before the caller may delete the original.
 */
export class Backups {
  readonly records: BackupRecord[] = [];
  private dirReady = false;

  constructor(
    private readonly os: 'windows' | 'macos',
    /** This session's backup folder on the endpoint. */
    readonly dir: string,
  ) {}

  private async ensureDir(sh: Shell): Promise<void> {
    if (this.dirReady) return;
    const r = await sh.run(this.os === 'windows' ? winCmd.mkdir(this.dir) : macCmd.mkdir(this.dir));
    // cmd's mkdir exits 1 when the folder already exists; whether it is there is checked with the copy.
    if (r.exitCode !== 0 && this.os === 'macos') throw new BackupError(`could not create the backup folder ${this.dir}: ${r.stderr.trim()}`);
    this.dirReady = true;
  }

  /** Windows: export HKLM\SOFTWARE\Immunet Protect (with its unlock_code value) to a .reg file. */
  async registryKey(sh: Shell, key: string): Promise<BackupRecord> {
    await this.ensureDir(sh);
    const file = joinEndpointPath(this.dir, 'immunet-protect.reg');
    const r = await sh.run(winCmd.regExportKey(file));
    if (r.exitCode !== 0) throw new BackupError(`reg export failed (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim()}`);
    if (!r.skipped) await this.mustExist(sh, file);
    return this.add({ kind: 'registry-key', original: key, backup: file });
  }

  async file(sh: Shell, original: string): Promise<BackupRecord> {
    await this.ensureDir(sh);
    const { dir, file } = splitEndpointPath(original);
    const target = joinEndpointPath(this.dir, file);
    const r = await sh.run(this.os === 'windows' ? winCmd.copyFile(dir, this.dir, file) : macCmd.copy(original, target));
    // robocopy: 1 = copied, 0 = nothing copied, 8 and up = failure; cp: 0 = copied.
    const copied = this.os === 'windows' ? r.exitCode === 1 : r.exitCode === 0;
    if (!copied && !r.skipped) throw new BackupError(`could not copy ${original} (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim().slice(0, 200)}`);
    // In a dry run nothing was copied, and nothing will be deleted either.
    if (!r.skipped) await this.mustExist(sh, target);
    return this.add({ kind: 'file', original, backup: target });
  }

  private async mustExist(sh: Shell, path: string): Promise<void> {
    const { dir, file } = splitEndpointPath(path);
    const there = this.os === 'windows' ? await fileExists(sh, dir, file) : (await sh.run(macCmd.exists(path))).exitCode === 0;
    if (!there) throw new BackupError(`the backup ${path} is not there after copying`);
  }

  private add(r: Omit<BackupRecord, 'takenAt'>): BackupRecord {
    const record = { ...r, takenAt: new Date().toISOString() };
    this.records.push(record);
    return record;
  }
}

