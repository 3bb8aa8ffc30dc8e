// For each documented query (docs/queries.md), the Cypher statements it runs and with what
// parameters, snapshotted in docs/queries/statements.json (in the spirit of @neo4j/graphql's TCK
// tests). A change that makes a documented question run more, fewer or other statements shows in
// review as a diff of that file; `WRITE_STATEMENTS=1 npx vitest run
// tests/integration/query-statements.test.ts` rewrites it after a deliberate change.
//
// The same run holds each documented question to a work budget (docs/queries/work-budget.json):
// statements sent, records decoded, the values in them (every scalar, list item and map entry
// the driver decodes and the row mappers read) and fields resolved, counted rather than timed, so a change
// that makes a question do more work fails here whatever the machine's speed, while the bench
// measures the time. A question may exceed its recorded figures by a quarter (its values by a tenth; rounded down: one
// statement more than a recorded one fails) before the test fails; `WRITE_STATEMENTS=1` rewrites
// the budget with the snapshot.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFieldResolver, graphql, isObjectType, type GraphQLSchema } from 'graphql';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { Database } from '../../src/db/connection.js';
import { QueryRunner } from '../../src/db/run.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { createContext } from '../../src/api/context.js';
import { listDocuments, loadFiles } from '../../src/load/directory.js';
import { testDatabase, wipe } from './helpers.js';

interface Example {
  title: string;
  query: string;
}

/** What one question cost: statements sent, records they returned, values in them, fields graphql-js resolved. */
interface Work {
  statements: number;
  rows: number;
  values: number;
  fields: number;
}

/**
 * The values a record holds, as the driver decodes them: each scalar one, each list and map the
 * sum of its items (a node or relationship its properties). A statement that returns parts of a
 * row no field asked for (nested support lists, whole neighbours) costs here though its row count
 * stays.
 */
function valuesIn(value: unknown): number {
  if (value === null || value === undefined || typeof value !== 'object' || neo4j.isInt(value)) return 1;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + valuesIn(v), 0);
  if ('properties' in value && ('labels' in value || 'type' in value)) return valuesIn(value.properties);
  return Object.values(value).reduce((n: number, v) => n + valuesIn(v), 0);
}

/**
 * The budget a measured figure is held to: its recorded value plus a quarter, rounded down; values
 * plus a tenth, since they count every part of the answer the driver decodes (deterministic, and
 * a nested list or a whole neighbour no field reads adds a tenth or more to a small page).
 */
const allowance = (recorded: number, key: keyof Work) => Math.floor(recorded * (key === 'values' ? 1.1 : 1.25));

/** Wraps every field's resolver of the schema to count resolutions into `count.fields`. */
function countFieldResolutions(schema: GraphQLSchema, count: { fields: number }): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        count.fields++;
        return resolve(source, args, context, info);
      };
    }
  }
}

/** Parameters as plain JSON: Integers as numbers, so the snapshot reads like the request. */
function plainParams(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plainParams);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainParams(v)]));
  return value;
}

describe('the statements each documented query runs', () => {
  let db: Database;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    db = await testDatabase();
    await wipe(db);
    await loadFiles(new QueryRunner(db), listDocuments(join(projectRoot, 'data')));
    schema = await buildApiSchema();
  });
  afterAll(async () => db?.close());

  it('are those in docs/queries/statements.json, and each question stays within its work budget', async () => {
    const examples = JSON.parse(readFileSync(join(projectRoot, 'docs', 'queries', 'queries.json'), 'utf8')) as Example[];
    expect(examples.length).toBeGreaterThan(10);
    const count = { fields: 0 };
    countFieldResolutions(schema, count);
    const snapshot: Record<string, string[]> = {};
    const work: Record<string, Work> = {};
    for (const example of examples) {
      const ctx = createContext(db);
      const ran: string[] = [];
      ctx.runner.observe = (name, _text, params) => ran.push(`${name} ${JSON.stringify(plainParams(params))}`);
      let values = 0;
      ctx.runner.observeRecords = (_name, records) => (values += records.reduce((n, r) => n + valuesIn(r.toObject()), 0));
      count.fields = 0;
      const res = await graphql({ schema, source: example.query, contextValue: ctx });
      expect(res.errors, example.title).toBeUndefined();
      // DataLoader batches of one tick may be sent in either order: the set is what is compared.
      snapshot[example.title] = ran.sort();
      work[example.title] = { statements: ctx.runner.roundTrips, rows: ctx.runner.rowsRead, values, fields: count.fields };
    }
    const printed = `${JSON.stringify(snapshot, null, 2)}\n`;
    const file = join(projectRoot, 'docs', 'queries', 'statements.json');
    const budgetFile = join(projectRoot, 'docs', 'queries', 'work-budget.json');
    if (process.env.WRITE_STATEMENTS) {
      writeFileSync(file, printed);
      writeFileSync(budgetFile, `${JSON.stringify(work, null, 2)}\n`);
    }

    // The budget first: a question that does more work says so by name, before the snapshot's diff.
    const budget = JSON.parse(readFileSync(budgetFile, 'utf8')) as Record<string, Work>;
    const over: string[] = [];
    for (const [title, measured] of Object.entries(work)) {
      const recorded = budget[title];
      if (!recorded) {
        over.push(`${title}: no recorded budget (WRITE_STATEMENTS=1 records it)`);
        continue;
      }
      for (const key of ['statements', 'rows', 'values', 'fields'] as const) {
        if (recorded[key] === undefined) over.push(`${title}: no recorded ${key} (WRITE_STATEMENTS=1 records it)`);
        else if (measured[key] > allowance(recorded[key], key)) over.push(`${title}: ${key} ${measured[key]}, budget ${recorded[key]} (allowed ${allowance(recorded[key], key)})`);
      }
    }
    expect(over).toEqual([]);
    expect(printed).toBe(readFileSync(file, 'utf8'));
  });

  it('expand a code\'s links once for a page of its feeders (codeFeeds): not once per kind of owner', async () => {
    // code-feeds-page matched the links of an allocation and of an investment project in two arms
    // of a UNION, each expanding and filtering every link of the code: twice the database's work
    // for the part of the statement that grows with the code's links (1,064 on the bench graph).
    const examples = JSON.parse(readFileSync(join(projectRoot, 'docs', 'queries', 'queries.json'), 'utf8')) as Example[];
    const feeders = examples.find((e) => /codeFeeds\(/.test(e.query));
    expect(feeders).toBeDefined();
    const ctx = createContext(db);
    const sent: { text: string; params: Record<string, unknown> }[] = [];
    ctx.runner.observe = (name, text, params) => (name === 'code-feeds-page' ? sent.push({ text, params }) : undefined);
    const res = await graphql({ schema, source: feeders?.query ?? '', contextValue: ctx });
    expect(res.errors).toBeUndefined();
    expect(sent).toHaveLength(1);
    const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
    try {
      const profiled = await session.run(`PROFILE ${sent[0]?.text ?? ''}`, sent[0]?.params);
      const expansions = operators(profiled.summary.profile).filter((op) => /^Expand/.test(op.operatorType) && /\(c\)<-\[\w+:BOOKED_UNDER\]-/.test(String(op.arguments.Details ?? '')));
      expect(expansions.map((op) => `${op.operatorType} ${String(op.arguments.Details)}`)).toHaveLength(1);
    } finally {
      await session.close();
    }
  });
});

/** Every operator of a profiled plan, depth first. */
function operators(plan: ProfiledPlan | false): ProfiledPlan[] {
  return plan ? [plan, ...plan.children.flatMap((child) => operators(child))] : [];
}
