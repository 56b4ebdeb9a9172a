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

/** Columns a string takes in a terminal: East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, '')) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x300 && c <= 0x36f)) continue;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff);
    width += wide ? 2 : 1;
  }
  return width;
}

/** A break may come between two Japanese characters, or where the text had a space. */
const TOKEN = /\s+|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303f\uff00-\uffef]|[^\s\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303f\uff00-\uffef]+/gu;

/** Wraps text to the width in terminal columns, continuing lines under the first with `indent` spaces. */
export function wrap(text: string, width: number, indent = 0, firstPrefix = ''): string {
  // Short enough: kept as it is, alignment included.
  if (displayWidth(firstPrefix + text) <= width) return firstPrefix + text;
  firstPrefix += text.match(/^\s*/)![0];
  const room = Math.max(10, width - indent);
  const tokens: { text: string; space: boolean }[] = [];
  let space = false;
  for (const [piece] of text.trim().matchAll(TOKEN)) {
    if (/^\s+$/.test(piece)) {
      space = true;
      continue;
    }
    // A word wider than a line (a deep path) is cut into pieces that fit.
    let rest = piece;
    while (displayWidth(rest) > room) {
      let cut = '';
      for (const ch of rest) {
        if (displayWidth(cut + ch) > room) break;
        cut += ch;
      }
      tokens.push({ text: cut, space });
      space = false;
      rest = rest.slice(cut.length);
    }
    tokens.push({ text: rest, space });
    space = false;
  }
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  let line = firstPrefix;
  let filled = false;
  for (const tok of tokens) {
    const sep = filled && tok.space ? ' ' : '';
    if (filled && displayWidth(line + sep + tok.text) > width) {
      lines.push(line);
      line = pad + tok.text;
    } else line += sep + tok.text;
    filled = true;
  }
  if (filled) lines.push(line);
  return lines.join('\n');
}
