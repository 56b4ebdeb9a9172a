import { Chalk } from 'chalk';

/** The few styles the wizard uses. Plain when colour is off: chalk 5 ignores NO_COLOR by itself. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  ok(s: string): string;
  bad(s: string): string;
  warn(s: string): string;
}

export function makeStyle(color: boolean): Style {
  const c = new Chalk({ level: color ? (new Chalk().level || 1) : 0 });
  return { bold: (s) => c.bold(s), dim: (s) => c.dim(s), ok: (s) => c.green(s), bad: (s) => c.red(s), warn: (s) => c.yellow(s) };
}

/** Wraps text to the width, continuing lines under the first with `indent` spaces. */
export function wrap(text: string, width: number, indent = 0, firstPrefix = ''): string {
  // Short enough: kept as it is, alignment included.
  if ([...firstPrefix].length + [...text].length <= width) return firstPrefix + text;
  firstPrefix += text.match(/^\s*/)![0];
  // A word longer than a line (a deep path) is cut into pieces that fit.
  const room = Math.max(10, width - indent);
  const words = text.split(/\s+/).filter(Boolean).flatMap((w) => ([...w].length <= room ? [w] : [...w].join('').match(new RegExp(`.{1,${room}}`, 'gu'))!));
  const lines: string[] = [];
  let line = firstPrefix;
  const pad = ' '.repeat(indent);
  for (const w of words) {
    const sep = line.trim() === '' || line.endsWith(' ') ? '' : ' ';
    if ([...line].length + sep.length + [...w].length > width && line.trim() !== '') {
      lines.push(line);
      line = pad + w;
    } else line += sep + w;
  }
  if (line.trim() !== '') lines.push(line);
  return lines.join('\n');
}
