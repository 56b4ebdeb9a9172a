import { createRequire } from 'node:module';

/** Set by the single-file build (scripts/bundle.mjs), which has no package.json beside it. */
declare const __IR_VERSION__: string | undefined;

/** The package version: inlined in the bundle, read once from package.json otherwise. */
export const VERSION: string =
  typeof __IR_VERSION__ === 'string' ? __IR_VERSION__ : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
