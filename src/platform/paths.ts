/** Joins like the endpoint does: with backslashes when the base is a Windows path, else slashes. */
export function joinEndpointPath(base: string, ...parts: string[]): string {
  const sep = base.includes('\\') ? '\\' : '/';
  return [base.replace(/[\\/]+$/, ''), ...parts].join(sep);
}

/** Splits a path into its folder and file name, whichever separator it uses. */
export function splitEndpointPath(path: string): { dir: string; file: string } {
  const cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return { dir: path.slice(0, cut), file: path.slice(cut + 1) };
}
