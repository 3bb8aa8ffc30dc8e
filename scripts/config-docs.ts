// The README's configuration tables, generated from src/environment.ts (the one declaration of
// every environment variable). `npm run docs:config` rewrites them; tests/unit/config.test.ts
// fails when the README differs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config.js';
import { configurationTables } from '../src/environment.js';

export const readmePath = join(projectRoot, 'README.md');
export const BEGIN = '<!-- configuration: generated from src/environment.ts by `npm run docs:config`; edit there -->';
export const END = '<!-- end of configuration -->';

/** The README with its configuration tables replaced by the generated ones. */
export function readmeWithTables(readme = readFileSync(readmePath, 'utf8')): string {
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${BEGIN} … ${END}`);
  return `${readme.slice(0, from)}${BEGIN}\n${configurationTables()}\n${readme.slice(to)}`;
}
