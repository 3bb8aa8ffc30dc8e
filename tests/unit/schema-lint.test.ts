// The schema linters analysts run (@graphql-eslint's schema-recommended + schema-relay, and
// graphql-schema-linter) find nothing in schema/schema.graphql outside the exceptions written,
// with their reasons, in eslint.config.mjs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

const SDL = join(projectRoot, 'schema', 'schema.graphql');

describe('schema linters', () => {
  it('@graphql-eslint (schema-recommended, schema-relay): no findings', async () => {
    const eslint = new ESLint({ cwd: projectRoot });
    const [result] = await eslint.lintFiles([SDL]);
    const findings = result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    expect(findings).toEqual([]);
  }, 60_000);

  it('@graphql-eslint operations-recommended on the documented examples: no findings', async () => {
    const [result] = await new ESLint({ cwd: projectRoot }).lintFiles([join(projectRoot, 'docs', 'queries', 'examples.graphql')]);
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)).toEqual([]);
  }, 60_000);

  it('differs from the published rule sets in the two rules its config justifies, and only there', async () => {
    const graphql = (await import('@graphql-eslint/eslint-plugin')).default;
    const published: Record<string, unknown> = { ...graphql.configs['flat/schema-recommended'].rules, ...graphql.configs['flat/schema-relay'].rules };
    const ours = ((await import(join(projectRoot, 'eslint.config.mjs'))) as { default: { rules: Record<string, unknown> }[] }).default[0]!.rules;
    // (the second block, for the examples, is operations-recommended as published)
    // The config spreads the published sets, so an entry it did not change is the same value.
    const differing = Object.keys(ours).filter((rule) => ours[rule] !== published[rule]);
    expect(differing.sort()).toEqual(['@graphql-eslint/relay-edge-types', '@graphql-eslint/strict-id-in-types']);
    const text = readFileSync(join(projectRoot, 'eslint.config.mjs'), 'utf8');
    for (const rule of differing) expect(text, `${rule} needs its reason on the line above`).toMatch(new RegExp(`// [^\\n]{20,}\\n\\s*'${rule}'`));
  }, 60_000);

  it('graphql-schema-linter (its default rules): no findings', () => {
    const run = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'graphql-schema-linter', 'lib', 'cli.js'), '--format', 'json', SDL], { encoding: 'utf8', timeout: 60_000 });
    const report = JSON.parse(run.stdout) as { errors: { message: string; location: { line: number } }[] };
    expect(report.errors.map((e) => `${e.location.line}: ${e.message}`)).toEqual([]);
    expect(run.status).toBe(0);
  }, 60_000);

  it('every object type with an id implements Node (what strict-id-in-types is off for)', () => {
    const schema = buildSchema(readFileSync(SDL, 'utf8'));
    const withId = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__') && 'id' in t.getFields());
    const notNode = withId.filter((t) => isObjectType(t) && !t.getInterfaces().some((i) => i.name === 'Node')).map((t) => t.name);
    // GraphNode / GraphEdge / SearchHit are the explorer's untyped views of a node: they carry its global id, not an object of their own.
    expect(notNode.sort()).toEqual(['GraphEdge', 'GraphNode', 'SearchHit']);
  });
});
