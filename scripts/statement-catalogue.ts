// The typed statement catalogue: every cypher/*.cypher file with the parameters it reads, rendered
// as src/db/statements.generated.ts so that naming a statement that does not exist, or leaving out
// a parameter it reads, is a compile error. `npm run statements` rewrites it; a unit test fails
// when it has drifted from cypher/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cataloguePath = fileURLToPath(new URL('../src/db/statements.generated.ts', import.meta.url));
const cypherDir = fileURLToPath(new URL('../cypher/', import.meta.url));

export interface StatementEntry {
  name: string;
  /** `statement`: run by name; `fragment`: only `// @include`d by others; `schema`: start-up DDL. */
  kind: 'statement' | 'fragment' | 'schema';
  /** Parameters it reads, its fragments' included, sorted. */
  params: string[];
  includes: string[];
}

const INCLUDE = /^[ \t]*\/\/ @include ([a-z0-9-]+)\s*$/gm;

export function catalogue(): StatementEntry[] {
  const names = readdirSync(cypherDir).filter((f) => f.endsWith('.cypher')).map((f) => f.slice(0, -'.cypher'.length)).sort();
  const text = new Map(names.map((n) => [n, readFileSync(join(cypherDir, `${n}.cypher`), 'utf8')]));
  const includes = (n: string) => [...text.get(n)!.matchAll(INCLUDE)].map((m) => m[1]!);
  const included = new Set(names.flatMap(includes));
  const params = (n: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(n)) throw new Error(`cypher/${n}.cypher includes itself`);
    seen.add(n);
    const own = text.get(n)!.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\]|\\.)*'/g, "''");
    const out = new Set([...own.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
    for (const i of includes(n)) for (const p of params(i, new Set(seen))) out.add(p);
    return out;
  };
  return names.map((name) => ({
    name,
    kind: name === 'schema' ? 'schema' : included.has(name) ? 'fragment' : 'statement',
    params: [...params(name)].sort(),
    includes: includes(name),
  }));
}

export function renderCatalogue(entries = catalogue()): string {
  const rows = entries
    .filter((e) => e.kind === 'statement')
    .map((e) => `  '${e.name}': [${e.params.map((p) => `'${p}'`).join(', ')}],`)
    .join('\n');
  return `// Generated from cypher/*.cypher by \`npm run statements\` (scripts/statement-catalogue.ts): do not
// edit. Every statement the code can run by name, with the parameters it reads (its included
// fragments' too). QueryRunner takes a StatementName and exactly these parameters.
export const STATEMENTS = {
${rows}
} as const;

export type StatementName = keyof typeof STATEMENTS;

/** The parameters a statement reads; each must be given (null where it is optional). */
export type StatementParams<N extends StatementName> = { [K in (typeof STATEMENTS)[N][number]]: unknown };

/** Statements reading every one of the parameters P (and maybe more). */
export type StatementReading<P extends string> = { [N in StatementName]: [P] extends [(typeof STATEMENTS)[N][number]] ? N : never }[StatementName];

/** The DataLoader batches: statements reading nothing but \`$keys\` (one row per key and value). */
export type BatchStatement = { [N in StatementName]: (typeof STATEMENTS)[N] extends readonly ['keys'] ? N : never }[StatementName];
`;
}
