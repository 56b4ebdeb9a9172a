export interface SimResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const ok = (stdout: string, stderr = ''): SimResult => ({ exitCode: 0, stdout, stderr });
export const fail = (exitCode: number, stdout: string, stderr = ''): SimResult => ({ exitCode, stdout, stderr });
