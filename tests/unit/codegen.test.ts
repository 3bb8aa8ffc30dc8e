// graphql-codegen takes the schema and the documented examples as they are (named operations,
// the scalar map of docs/codegen.ts), and what it writes type-checks under strict TypeScript.
// The examples are also validated against the schema and linted as operations analysts write.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { TypeInfo, buildSchema, parse, validate, visit, visitWithTypeInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import config, { scalars } from '../../docs/codegen.js';
import { examplesGraphqlPath, renderExamplesGraphql } from '../../scripts/query-docs.js';
import { scratchDirs } from '../scratch-dirs.js';

const scratch = scratchDirs();

describe('graphql-codegen on the documented examples', () => {
  it('docs/queries/examples.graphql is the examples of queries.json, each a named operation valid against the schema', () => {
    expect(readFileSync(examplesGraphqlPath, 'utf8'), 'run npm run docs:queries').toBe(renderExamplesGraphql());
    const doc = parse(readFileSync(examplesGraphqlPath, 'utf8'));
    const names = doc.definitions.map((d) => (d.kind === 'OperationDefinition' ? d.name?.value : undefined));
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    const schema = buildSchema(readFileSync(join(projectRoot, 'schema', 'schema.graphql'), 'utf8'));
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  });

  it('ask every Query field at least once (#42 item 8: 10 of 22 were in no example)', () => {
    const schema = buildSchema(readFileSync(join(projectRoot, 'schema', 'schema.graphql'), 'utf8'));
    const doc = parse(readFileSync(examplesGraphqlPath, 'utf8'));
    const query = schema.getQueryType()!;
    const asked = new Set<string>();
    const info = new TypeInfo(schema);
    // Through fragments and aliases too: what counts is the field the schema resolves.
    visit(doc, visitWithTypeInfo(info, { Field: () => void (info.getParentType() === query && asked.add(info.getFieldDef()!.name)) }));
    expect(Object.keys(query.getFields()).filter((f) => !asked.has(f))).toEqual([]);
  });

  it('generates typed operations with Decimal as string that tsc --strict accepts', async () => {
    const dir = scratch('budget-graph-codegen-');
    const [target, output] = Object.entries(config.generates)[0]!;
    const files = await generate({ ...config, cwd: projectRoot, silent: true, generates: { [join(dir, 'budget-graph.ts')]: output } }, false);
    expect(target).toBe('generated/budget-graph.ts');
    const code = files[0]!.content;
    // Decimal comes out as the string it is (without the scalar map it would be `any` / `unknown`).
    expect(code).toMatch(/export type FeedersOfCodeQuery = \{ projectsFeedingCode: Array<\{[^\n]*\bamount: string \| null,/);
    const results = code.split('\n').filter((l: string) => /^export type \w+Query = /.test(l));
    expect(results.length).toBe(readFileSync(examplesGraphqlPath, 'utf8').match(/^query /gm)!.length);
    // JSONObject (graphNode's bag of stored properties) is Record<string, unknown> by the config's own map: typed as what it is.
    for (const r of results) expect(r.replaceAll(scalars.JSONObject, 'JSONObject')).not.toMatch(/\b(any|unknown)\b/);
    writeFileSync(join(dir, 'budget-graph.ts'), code);
    // A use of the generated types, as an analyst's script would: money stays a string.
    writeFileSync(join(dir, 'use.ts'), `import type { FeedersOfCodeQuery } from './budget-graph.js';\nexport const amounts = (q: FeedersOfCodeQuery): string[] => q.projectsFeedingCode.map((r) => r.amount ?? '0.00');\n`);
    const tsc = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--strict', '--noEmit', '--module', 'nodenext', '--target', 'es2022', '--skipLibCheck', join(dir, 'budget-graph.ts'), join(dir, 'use.ts')], { encoding: 'utf8', timeout: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 150_000);
});
