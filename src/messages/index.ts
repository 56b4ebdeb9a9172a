import { en, type MessageId } from './en.js';
import { ja } from './ja.js';

/**
 * All user-facing text, keyed by id. Flow code passes Msg values around and only the edges
 * (wizard, runner, report) render them, so a language is one more catalog file.
 */
export type Params = Record<string, string | number>;
export interface Msg {
  id: MessageId;
  params?: Params;
}
export type { MessageId };

export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
}

export const m = (id: MessageId, params?: Params): Msg => ({ id, params });

/** Renders a message: {name} placeholders filled from params; missing translations fall back to English. */
export function t(msg: Msg | MessageId, params?: Params): string {
  const { id, params: p } = typeof msg === 'string' ? { id: msg, params } : msg;
  const template = (current === 'ja' ? ja[id] : undefined) ?? en[id];
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (p && key in p ? String(p[key]) : all));
}
