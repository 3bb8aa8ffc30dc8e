// Applies cypher/schema.cypher: constraints, indexes and the full-text search index — and repairs
// what an earlier start left half built. A JVM killed while a constraint was being created leaves
// the constraint's index behind, named like the constraint, owned by nothing and POPULATING for
// good (measured on Neo4j 5.26: still POPULATING after a restart); `CREATE CONSTRAINT … IF NOT
// EXISTS` then fails on "There already exists an index called …" at every later start. So the
// schema is applied by looking first (SHOW INDEXES / SHOW CONSTRAINTS), dropping what stands in
// the way, creating what is missing, and looking again until Neo4j holds exactly what the file
// declares, all ONLINE.
import neo4j, { Neo4jError, type QueryResult, type Session } from 'neo4j-driver';
import type { Database } from './connection.js';
import { cypher, cypherStatements } from './cypher.js';
import { classifyDatabaseError } from './neo4j-errors.js';
import { QueryRunner } from './run.js';
import type { StatementName, StatementParams } from './statements.generated.js';
import { BudgetGraphError, ServiceUnavailableError } from '../errors.js';

/** One constraint or index of cypher/schema.cypher, read from its statement. */
export interface DeclaredRule {
  kind: 'constraint' | 'index';
  name: string;
  /** Constraints are UNIQUENESS; indexes RANGE, TEXT or FULLTEXT. */
  type: 'UNIQUENESS' | 'RANGE' | 'TEXT' | 'FULLTEXT';
  /** The node labels, or for a relationship index its relationship type. */
  labels: string[];
  properties: string[];
  /** Set for an index on a relationship type (`FOR ()-[r:TYPE]-()`); absent for a node's. */
  entityType?: 'RELATIONSHIP';
  /** A full-text index's analyzer, when the statement names one. */
  analyzer?: string;
  statement: string;
}

/** An index as SHOW INDEXES reports it. */
export interface IndexRow {
  name: string;
  type: string;
  entityType: string;
  labels: string[];
  properties: string[];
  state: string;
  owningConstraint: string | null;
  analyzer?: string;
  failureMessage: string;
}

/** A constraint as SHOW CONSTRAINTS reports it. */
export interface ConstraintRow {
  name: string;
  type: string;
  entityType: string;
  labels: string[];
  properties: string[];
}

export interface SchemaState {
  indexes: IndexRow[];
  constraints: ConstraintRow[];
}

/** One step towards the declared schema; `why` goes to the operator's log. */
export type SchemaAction = { do: 'drop-index'; name: string; why: string; retired?: true } | { do: 'drop-constraint'; name: string; why: string; retired?: true } | { do: 'create'; rule: DeclaredRule };

/** An action as a start-up log names it: `created investment_code`, `dropped code_key`. */
export const schemaActionText = (a: SchemaAction): string => (a.do === 'create' ? `created ${a.rule.name}` : `dropped ${a.name}`);

/** The schema could not be brought to what cypher/schema.cypher declares; the message says what is left. */
export class SchemaError extends BudgetGraphError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('INTERNAL', message, { reason: 'SCHEMA', ...details });
    this.name = 'SchemaError';
  }
}

export interface ApplySchemaOptions {
  /** Where repairs are reported (an index dropped, a restart waited out); default stderr. */
  log?: (message: string) => void;
  /** How long to wait for a database that went away (a restart) before giving up, each time. */
  restartWaitMs?: number;
  /**
   * Told of each drop or creation this process performed (not those another process did first):
   * a replica that finds the schema in place performs none, which is how an operator (and
   * tests/integration/multi-process.test.ts) sees that the schema was applied once.
   */
  onChange?: (action: SchemaAction) => void;
}

/** As `npm run load` waits for documents (src/load/directory.ts); an embedded restart took 26–34 s on 2 cores. */
const RESTART_WAIT_MS = 180_000;
const RESTART_ATTEMPTS = 4;
/** Rounds of look → repair → look again; each is cut short only by another process's work. */
const MAX_ROUNDS = 10;
/** The longest wait for our POPULATING indexes to come ONLINE (the bound of the db.awaitIndexes(120) it replaces). */
const POPULATION_WAIT_MS = 120_000;

/**
 * Brings the graph's schema to cypher/schema.cypher and waits for its indexes to be ONLINE.
 * Returns how many constraints and indexes the file declares. Safe to run from two processes at
 * once, and waits out a database restart (up to 3 min each time) instead of failing.
 */
export async function applySchema(db: Database, options: ApplySchemaOptions = {}): Promise<number> {
  const declared = declaredSchema();
  const log = options.log ?? ((m: string) => console.error(`budget-graph: ${m}`));
  const restartWaitMs = options.restartWaitMs ?? RESTART_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await converge(db, declared, log, options.onChange);
      return declared.length;
    } catch (err) {
      const typed = classified(db, err);
      if (!wentAway(typed) || attempt >= RESTART_ATTEMPTS) throw typed;
      log(`schema: the database went away (${typed.message}); waiting up to ${Math.round(restartWaitMs / 1000)} s for it to come back`);
      if (!(await databaseBack(db, restartWaitMs))) throw typed;
      log('schema: the database is back; checking the schema again');
    }
  }
}

/** cypher/schema.cypher read into rules; a statement of another shape is refused, not guessed at. */
export function declaredSchema(statements = cypherStatements('schema')): DeclaredRule[] {
  return statements.map((statement) => {
    const text = statement.replace(/\s+/g, ' ').trim();
    const constraint = /^CREATE CONSTRAINT (?<name>\w+) IF NOT EXISTS FOR \((?<variable>\w+):(?<label>\w+)\) REQUIRE (?<keys>.+) IS UNIQUE$/.exec(text);
    if (constraint) {
      const { name = '', variable = '', label = '', keys = '' } = constraint.groups ?? {};
      return { kind: 'constraint', name, type: 'UNIQUENESS', labels: [label], properties: propertyList(keys, variable), statement };
    }
    const index = /^CREATE (?:(?<type>RANGE|TEXT|FULLTEXT) )?INDEX (?<name>\w+) IF NOT EXISTS FOR (?:\((?<variable>\w+):(?<labels>[\w|]+)\)|\(\)-\[(?<relVariable>\w+):(?<relType>\w+)\]-\(\)) ON (?:EACH )?(?<keys>\[[^\]]*\]|\([^)]*\))(?: OPTIONS (?<options>.*))?$/.exec(text);
    if (index) {
      const { type = 'RANGE', name = '', variable, labels = '', relVariable = '', relType, keys = '', options = '' } = index.groups ?? {};
      const analyzer = /`fulltext\.analyzer`\s*:\s*'([^']+)'/.exec(options)?.[1];
      const on = relType === undefined ? { labels: labels.split('|') } : { labels: [relType], entityType: 'RELATIONSHIP' as const };
      return { kind: 'index', name, type: type === 'FULLTEXT' || type === 'TEXT' ? type : 'RANGE', ...on, properties: propertyList(keys, variable ?? relVariable), ...(analyzer ? { analyzer } : {}), statement };
    }
    throw new SchemaError(`cypher/schema.cypher: applySchema cannot read this statement (a CREATE CONSTRAINT … IS UNIQUE or CREATE [TEXT|FULLTEXT] INDEX … IF NOT EXISTS FOR (n:Label) or FOR ()-[r:TYPE]-() is expected): ${text}`);
  });
}

/** `x.a`, `(x.a, x.b)` or `[x.a, x.b]` → ['a', 'b']. */
function propertyList(keys: string, variable: string): string[] {
  return keys
    .replace(/^[[(]|[\])]$/g, '')
    .split(',')
    .map((k) => k.trim().replace(new RegExp(`^${variable}\\.`), ''));
}

/**
 * Indexes and constraints an earlier cypher/schema.cypher declared and this one no longer does,
 * because no statement looks nodes up by them (tests/unit/schema-indexes-used.test.ts): dropped
 * where found, so a graph built before stops paying their upkeep on every write of their label.
 * budget_line_code (BudgetLine.code) gave way to budget_line_code_document (code, documentId).
 * document_year (Document.year): no statement's plan read it on the 1,000- and 10,000-document
 * graphs (bench/RESULTS.md, seventh and eighth rounds).
 */
export const RETIRED_SCHEMA: readonly string[] = ['allocation_year', 'project_norm', 'economic_code', 'procurement_code', 'budget_line_code', 'document_year'];

/**
 * What to drop and create so that `state` becomes `declared` (drops first). Pure, so every
 * half-built state has a test without a database. Indexes and constraints not named in the file
 * are left alone unless they hold the very schema one of ours needs (then `IF NOT EXISTS` would
 * quietly skip ours, or its creation would fail), or bear the name of one we retired.
 */
export function planSchema(declared: DeclaredRule[], state: SchemaState, retired: readonly string[] = RETIRED_SCHEMA): SchemaAction[] {
  const ours = new Set(declared.map((r) => r.name));
  const actions = [...retiredFound(state, retired.filter((name) => !ours.has(name))), ...declared.flatMap((rule) => planRule(rule, state, ours))];
  const drops = new Map<string, SchemaAction>();
  for (const a of actions) if (a.do !== 'create' && !drops.has(`${a.do} ${a.name}`)) drops.set(`${a.do} ${a.name}`, a);
  return [...drops.values(), ...actions.filter((a) => a.do === 'create')];
}

/** The retired ones a graph still holds: a constraint (its index goes with it), else the index. */
function retiredFound(state: SchemaState, retired: readonly string[]): SchemaAction[] {
  const why = (name: string) => `${name} is no longer declared in cypher/schema.cypher (no statement looks nodes up by it)`;
  return retired.flatMap((name): SchemaAction[] => {
    if (state.constraints.some((c) => c.name === name)) return [{ do: 'drop-constraint', name, why: why(name), retired: true }];
    const index = state.indexes.find((i) => i.name === name);
    if (!index) return [];
    return [index.owningConstraint ? { do: 'drop-constraint', name: index.owningConstraint, why: why(name), retired: true } : { do: 'drop-index', name, why: why(name), retired: true }];
  });
}

function planRule(rule: DeclaredRule, state: SchemaState, ours: Set<string>): SchemaAction[] {
  const kept = rule.kind === 'constraint' ? constraintKept(rule, state) : indexKept(rule, state);
  if (kept === true) return [];
  return [...kept, ...blockers(rule, state, ours), { do: 'create', rule }];
}

/** true when the constraint stands as declared; else what must go before it is created. */
function constraintKept(rule: DeclaredRule, state: SchemaState): true | SchemaAction[] {
  const constraint = state.constraints.find((c) => c.name === rule.name);
  const index = state.indexes.find((i) => i.name === rule.name);
  if (constraint) {
    if (!sameConstraint(rule, constraint)) return [dropConstraint(rule.name, `constraint ${rule.name} is defined otherwise than in cypher/schema.cypher (${definition(constraint)})`)];
    if (index?.state === 'FAILED') return [dropConstraint(rule.name, `the index of constraint ${rule.name} FAILED (${firstLine(index.failureMessage)})`)];
    return true;
  }
  if (!index) return [];
  // Only a constraint's own index is ever named like it: with no constraint, it is what a killed
  // creation left. It never comes ONLINE; a live creation in another process holds the name's
  // schema lock, so this drop waits for it and then fails harmlessly (measured), and is re-checked.
  if (index.owningConstraint && index.owningConstraint !== rule.name) return [dropConstraint(index.owningConstraint, `constraint ${index.owningConstraint} owns an index named ${rule.name}`)];
  return [dropIndex(rule.name, `index ${rule.name} (${index.state}) has the name of constraint ${rule.name} but no constraint owns it, as a constraint creation cut short leaves it`)];
}

/** true when the index stands as declared (ONLINE, or POPULATING: waited for); else what must go. */
function indexKept(rule: DeclaredRule, state: SchemaState): true | SchemaAction[] {
  if (state.constraints.some((c) => c.name === rule.name)) return [dropConstraint(rule.name, `${rule.name} is a constraint where cypher/schema.cypher declares an index`)];
  const index = state.indexes.find((i) => i.name === rule.name);
  if (!index) return [];
  // Neo4j refuses to drop a constraint's own index: the constraint goes, and its index with it.
  if (index.owningConstraint) return [dropConstraint(index.owningConstraint, `constraint ${index.owningConstraint} owns an index named ${rule.name}, where cypher/schema.cypher declares an index of its own`)];
  if (!sameIndex(rule, index)) return [dropIndex(rule.name, `index ${rule.name} is defined otherwise than in cypher/schema.cypher (${definition(index)})`)];
  if (index.state === 'FAILED') return [dropIndex(rule.name, `index ${rule.name} FAILED (${firstLine(index.failureMessage)})`)];
  return true;
}

/** Indexes not named in the file that hold the schema `rule` needs: the constraint owning one goes, else the index. */
function blockers(rule: DeclaredRule, state: SchemaState, ours: Set<string>): SchemaAction[] {
  const indexType = rule.type === 'UNIQUENESS' ? 'RANGE' : rule.type;
  return state.indexes
    .filter((i) => !ours.has(i.name) && !(i.owningConstraint && ours.has(i.owningConstraint)) && i.type === indexType && i.entityType === entityOf(rule) && sameSchema(rule, i))
    .map((i) => (i.owningConstraint ? dropConstraint(i.owningConstraint, `constraint ${i.owningConstraint} holds the schema of ${rule.name}`) : dropIndex(i.name, `index ${i.name} holds the schema of ${rule.name}`)));
}

function sameConstraint(rule: DeclaredRule, c: ConstraintRow): boolean {
  // 5.26 says UNIQUENESS; later versions NODE_PROPERTY_UNIQUENESS.
  return /^(NODE_PROPERTY_)?UNIQUENESS$/.test(c.type) && c.entityType === 'NODE' && sameSchema(rule, c);
}

/** What SHOW INDEXES says a rule's index is on: NODE, or RELATIONSHIP for `FOR ()-[r:TYPE]-()`. */
const entityOf = (rule: DeclaredRule): string => rule.entityType ?? 'NODE';

function sameIndex(rule: DeclaredRule, i: IndexRow): boolean {
  return i.type === rule.type && i.entityType === entityOf(rule) && sameSchema(rule, i) && (rule.analyzer === undefined || i.analyzer === rule.analyzer);
}

/** Same labels (a full-text index's in any order) and the same properties in the same order. */
function sameSchema(rule: DeclaredRule, row: { labels: string[]; properties: string[] }): boolean {
  const labels = (xs: string[]) => [...xs].sort().join('|');
  return labels(rule.labels) === labels(row.labels) && rule.properties.join(',') === row.properties.join(',');
}

const dropIndex = (name: string, why: string): SchemaAction => ({ do: 'drop-index', name, why });
const dropConstraint = (name: string, why: string): SchemaAction => ({ do: 'drop-constraint', name, why });
const definition = (row: { type: string; labels: string[]; properties: string[] }) => `${row.type} on :${row.labels.join('|')}(${row.properties.join(', ')})`;
const firstLine = (text: string) => text.replace(/\n[^]*$/, '').slice(0, 200);

/** Our indexes still POPULATING (a constraint's index is ONLINE once its constraint exists). */
export function populating(declared: DeclaredRule[], state: SchemaState): string[] {
  const ours = new Set(declared.map((r) => r.name));
  return state.indexes.filter((i) => ours.has(i.name) && i.state === 'POPULATING').map((i) => i.name);
}

/** Runs one named statement of cypher/ on the session, with exactly the parameters it reads. */
type Run = <N extends StatementName>(name: N, ...params: keyof StatementParams<N> extends never ? [] : [StatementParams<N>]) => Promise<QueryResult>;

/** Look, repair, look again — until nothing is left to do and our indexes are ONLINE. */
async function converge(db: Database, declared: DeclaredRule[], log: (m: string) => void, onChange?: (action: SchemaAction) => void): Promise<void> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: db.bookmarks });
  const run: Run = (name, ...[params]) => session.run(cypher(name), { ...params });
  const populationDeadline = Date.now() + POPULATION_WAIT_MS;
  let lastRace: Neo4jError | undefined;
  try {
    for (let round = 1; ; ) {
      const state = await inspect(run);
      const actions = planSchema(declared, state);
      if (actions.length === 0) {
        const waiting = populating(declared, state);
        if (waiting.length === 0) return;
        if (Date.now() > populationDeadline) throw new SchemaError(`Indexes still POPULATING after ${POPULATION_WAIT_MS / 1000} s: ${waiting.join(', ')}. Start again to wait longer.`, { populating: waiting });
        await awaitIndexes(run, waiting, populationDeadline);
        continue;
      }
      if (round++ > MAX_ROUNDS) {
        throw new SchemaError(`The schema could not be brought to cypher/schema.cypher in ${MAX_ROUNDS} rounds; still to do: ${actions.map(actionText).join('; ')}${lastRace ? ` (last refusal: ${lastRace.code} ${firstLine(lastRace.message)})` : ''}`, { pending: actions.map(actionText) });
      }
      const race = await perform(session, run, actions, log, onChange);
      if (race) {
        lastRace = race;
        // Another process is changing the schema too: let it finish its statement, then look again.
        await new Promise((r) => setTimeout(r, 100 * round + Math.floor(Math.random() * 200)));
      }
    }
  } finally {
    await session.close().catch(() => undefined);
  }
}

/** A map the driver hands over (SHOW INDEXES' options), checked rather than cast. */
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function inspect(run: Run): Promise<SchemaState> {
  const [indexes, constraints] = [await run('schema-indexes'), await run('schema-constraints')];
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return {
    indexes: indexes.records.map((r) => {
      const options: unknown = r.get('options');
      const indexConfig: unknown = isMap(options) ? options['indexConfig'] : undefined;
      const analyzer = isMap(indexConfig) ? indexConfig['fulltext.analyzer'] : undefined;
      return {
        name: String(r.get('name')),
        type: String(r.get('type')),
        entityType: String(r.get('entityType')),
        labels: strings(r.get('labelsOrTypes')),
        properties: strings(r.get('properties')),
        state: String(r.get('state')),
        owningConstraint: stringOrNull(r.get('owningConstraint')),
        ...(typeof analyzer === 'string' ? { analyzer } : {}),
        failureMessage: String(r.get('failureMessage') ?? ''),
      };
    }),
    constraints: constraints.records.map((r) => ({
      name: String(r.get('name')),
      type: String(r.get('type')),
      entityType: String(r.get('entityType')),
      labels: strings(r.get('labelsOrTypes')),
      properties: strings(r.get('properties')),
    })),
  };
}

/**
 * Runs the actions in order. A refusal caused by another process applying the schema at the same
 * time (it created or dropped the same rule first, or holds its lock) is returned, not thrown: the
 * caller looks again. Any other error is thrown.
 */
async function perform(session: Session, run: Run, actions: SchemaAction[], log: (m: string) => void, onChange?: (action: SchemaAction) => void): Promise<Neo4jError | undefined> {
  let race: Neo4jError | undefined;
  for (const action of actions) {
    try {
      let result: QueryResult;
      if (action.do === 'create') result = await session.run(action.rule.statement);
      else {
        log(`schema: dropping ${action.do === 'drop-index' ? 'index' : 'constraint'} ${action.name}: ${action.why}; ${action.retired ? 'not created again' : 'it is created again'}`);
        result = await run(action.do === 'drop-index' ? 'schema-drop-index' : 'schema-drop-constraint', { name: action.name });
      }
      // `IF NOT EXISTS` is silent when another process created the rule first: only the
      // statement's own counters say whether this process changed anything.
      const u = result.summary.counters.updates();
      if (u.indexesAdded + u.indexesRemoved + u.constraintsAdded + u.constraintsRemoved > 0) onChange?.(action);
    } catch (err) {
      if (!isSchemaRace(err)) throw err;
      race = err;
    }
  }
  return race;
}

/** Waits for each index of ours that is POPULATING; a failure is left for the next look to see. */
async function awaitIndexes(run: Run, names: string[], deadline: number): Promise<void> {
  for (const name of names) {
    const seconds = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
    try {
      await run('schema-await-index', { name, seconds: neo4j.int(seconds) });
    } catch (err) {
      // FAILED (dropped and created again next round), timed out (the deadline decides) or dropped
      // by another process meanwhile: only a database that went away is this call's to report.
      if (!(err instanceof Neo4jError) || wentAway(classifyDatabaseError(err))) throw err;
    }
  }
}

/**
 * What another process applying the schema at the same moment can cause: the rule it created
 * first exists ("already exists", equivalent rule), the rule it dropped first is gone ("no such
 * index", drop failed), its creation holds the lock we wait for (deadlock detected), or its drop
 * cut our creation short. Bounded by MAX_ROUNDS, so a lasting refusal is still reported.
 */
const SCHEMA_RACES = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
  'Neo.ClientError.Schema.IndexWithNameAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.ConstraintWithNameAlreadyExists',
  'Neo.ClientError.Schema.IndexNotFound',
  'Neo.ClientError.Schema.ConstraintNotFound',
  'Neo.ClientError.Schema.ConstraintCreationFailed',
  'Neo.DatabaseError.Schema.IndexDropFailed',
  'Neo.DatabaseError.Schema.ConstraintDropFailed',
  'Neo.DatabaseError.Schema.IndexCreationFailed',
  'Neo.DatabaseError.Schema.ConstraintCreationFailed',
]);

function isSchemaRace(err: unknown): err is Neo4jError {
  return err instanceof Neo4jError && (SCHEMA_RACES.has(err.code) || err.code.startsWith('Neo.TransientError.Transaction.') || err.code.startsWith('Neo.TransientError.Schema.'));
}

/** The typed error; a database that says it needs a restart gets one (as QueryRunner does). */
function classified(db: Database, err: unknown): unknown {
  const typed = classifyDatabaseError(err);
  if (typed instanceof ServiceUnavailableError && typed.details.reason === 'DATABASE_PANIC') db.panicked();
  return typed;
}

/**
 * The database is down or restarting (a killed JVM, connection refused, session expired): worth
 * waiting for. A full disk, a wrong password or a statement out of time is not cured by waiting.
 */
function wentAway(err: unknown): err is ServiceUnavailableError {
  return err instanceof ServiceUnavailableError && !['DISK_FULL', 'DATABASE_AUTH', 'TIMEOUT'].includes(String(err.details.reason));
}

/** Polls until the database answers (true) or the wait is over (false), as the loader does. */
async function databaseBack(db: Database, waitMs: number): Promise<boolean> {
  const runner = new QueryRunner(db);
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (await runner.answers()) return true;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return false;
}

function actionText(a: SchemaAction): string {
  return a.do === 'create' ? `create ${a.rule.kind} ${a.rule.name}` : `${a.do} ${a.name} (${a.why})`;
}
