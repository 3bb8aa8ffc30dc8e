// What applySchema does about each half-built state it can find (src/db/schema.ts planSchema),
// without a database: tests/integration/schema-repair.test.ts makes the states for real.
import { describe, expect, it } from 'vitest';
import { cypherStatements } from '../../src/db/cypher.js';
import { declaredSchema, planSchema, populating, type DeclaredRule, type IndexRow, type SchemaState } from '../../src/db/schema.js';

const declared = declaredSchema();

/** Neo4j holding exactly the declared schema, all ONLINE, with its own two lookup indexes. */
function built(): SchemaState {
  const lookup = (name: string, entityType: string): IndexRow => ({ name, type: 'LOOKUP', entityType, labels: [], properties: [], state: 'ONLINE', owningConstraint: null, failureMessage: '' });
  return {
    indexes: [
      lookup('index_343aff4e', 'NODE'),
      lookup('index_f7700477', 'RELATIONSHIP'),
      ...declared.map((r) => ({
        name: r.name,
        type: r.kind === 'constraint' ? 'RANGE' : r.type,
        entityType: r.entityType ?? 'NODE',
        labels: r.labels,
        properties: r.properties,
        state: 'ONLINE',
        owningConstraint: r.kind === 'constraint' ? r.name : null,
        ...(r.analyzer ? { analyzer: r.analyzer } : {}),
        failureMessage: '',
      })),
    ],
    constraints: declared.filter((r) => r.kind === 'constraint').map((r) => ({ name: r.name, type: 'UNIQUENESS', entityType: 'NODE', labels: r.labels, properties: r.properties })),
  };
}

const rule = (name: string): DeclaredRule => declared.find((r) => r.name === name)!;
const summary = (state: SchemaState) => planSchema(declared, state).map((a) => (a.do === 'create' ? `create ${a.rule.name}` : `${a.do} ${a.name}`));

describe('cypher/schema.cypher as applySchema reads it', () => {
  it('is every statement of the file, each a constraint or an index with its schema', () => {
    expect(declared).toHaveLength(cypherStatements('schema').length);
    expect(rule('investment_id')).toMatchObject({ kind: 'constraint', type: 'UNIQUENESS', labels: ['InvestmentProject'], properties: ['id'] });
    expect(rule('allocation_document')).toMatchObject({ kind: 'index', type: 'RANGE', labels: ['ProjectAllocation'], properties: ['documentId'] });
    expect(rule('document_year')).toBeUndefined();
    expect(rule('search_names')).toMatchObject({ kind: 'index', type: 'FULLTEXT', analyzer: 'cjk', properties: ['name', 'code', 'searchText'] });
    expect(rule('search_names').labels).toContain('InvestmentProject');
    expect(rule('department_match_text')).toMatchObject({ kind: 'index', type: 'TEXT', labels: ['Department'], properties: ['matchText'] });
    // A relationship index: its type where a node index has labels.
    expect(rule('booked_under_code_owner')).toMatchObject({ kind: 'index', type: 'RANGE', entityType: 'RELATIONSHIP', labels: ['BOOKED_UNDER'], properties: ['code', 'status', 'ownerId'] });
    expect(rule('investment_code').entityType).toBeUndefined();
  });

  it('refuses a statement it cannot read rather than guess what it means', () => {
    expect(() => declaredSchema(['CREATE POINT INDEX place IF NOT EXISTS FOR (p:Place) ON (p.at)'])).toThrow(/cannot read this statement/);
  });
});

describe('planSchema', () => {
  it('creates everything on an empty store, and does nothing when all is built', () => {
    expect(summary({ indexes: [], constraints: [] })).toEqual(declared.map((r) => `create ${r.name}`));
    expect(summary(built())).toEqual([]);
  });

  it("drops a constraint's index left without its constraint (a killed creation), then creates the constraint", () => {
    const state = built();
    state.constraints = state.constraints.filter((c) => c.name !== 'investment_id');
    Object.assign(state.indexes.find((i) => i.name === 'investment_id')!, { state: 'POPULATING', owningConstraint: null });
    expect(summary(state)).toEqual(['drop-index investment_id', 'create investment_id']);
  });

  it('drops and creates again a FAILED index, and a constraint whose index FAILED', () => {
    const state = built();
    Object.assign(state.indexes.find((i) => i.name === 'allocation_document')!, { state: 'FAILED', failureMessage: 'Property value is too large to index' });
    Object.assign(state.indexes.find((i) => i.name === 'figure_id')!, { state: 'FAILED' });
    expect(summary(state)).toEqual(['drop-index allocation_document', 'drop-constraint figure_id', 'create allocation_document', 'create figure_id']);
  });

  it('waits for an index of ours that is POPULATING instead of dropping it', () => {
    const state = built();
    Object.assign(state.indexes.find((i) => i.name === 'investment_code')!, { state: 'POPULATING' });
    expect(summary(state)).toEqual([]);
    expect(populating(declared, state)).toEqual(['investment_code']);
  });

  it('replaces ours when defined otherwise: property, analyzer, or a constraint where an index is declared', () => {
    const state = built();
    Object.assign(state.indexes.find((i) => i.name === 'allocation_document')!, { properties: ['id'] });
    Object.assign(state.indexes.find((i) => i.name === 'search_names')!, { analyzer: 'standard-no-stop-words' });
    state.constraints.push({ name: 'investment_code', type: 'UNIQUENESS', entityType: 'NODE', labels: ['InvestmentProject'], properties: ['code'] });
    Object.assign(state.indexes.find((i) => i.name === 'investment_code')!, { owningConstraint: 'investment_code' });
    expect(summary(state).sort()).toEqual(['create allocation_document', 'create investment_code', 'create search_names', 'drop-constraint investment_code', 'drop-index allocation_document', 'drop-index search_names']);
  });

  it('leaves indexes that are not ours alone, unless one holds the schema an index of ours needs', () => {
    const state = built();
    const foreign = (name: string, label: string, property: string): IndexRow => ({ name, type: 'RANGE', entityType: 'NODE', labels: [label], properties: [property], state: 'ONLINE', owningConstraint: null, failureMessage: '' });
    state.indexes.push(foreign('operators_own', 'Document', 'title'));
    expect(summary(state)).toEqual([]);
    state.indexes = state.indexes.filter((i) => i.name !== 'investment_code');
    state.indexes.push(foreign('someone_elses', 'InvestmentProject', 'code'));
    expect(summary(state)).toEqual(['drop-index someone_elses', 'create investment_code']);
  });

  it('tells a relationship index from a node index of the same schema: ours defined on nodes is replaced, a node index of another is no blocker, a relationship one is', () => {
    const state = built();
    Object.assign(state.indexes.find((i) => i.name === 'booked_under_code_owner')!, { entityType: 'NODE' });
    expect(summary(state)).toEqual(['drop-index booked_under_code_owner', 'create booked_under_code_owner']);
    const other = built();
    other.indexes = other.indexes.filter((i) => i.name !== 'booked_under_code_owner');
    const foreign = (name: string, entityType: string): IndexRow => ({ name, type: 'RANGE', entityType, labels: ['BOOKED_UNDER'], properties: ['code', 'status', 'ownerId'], state: 'ONLINE', owningConstraint: null, failureMessage: '' });
    other.indexes.push(foreign('on_nodes', 'NODE'));
    expect(summary(other)).toEqual(['create booked_under_code_owner']);
    other.indexes.push(foreign('on_links', 'RELATIONSHIP'));
    expect(summary(other)).toEqual(['drop-index on_links', 'create booked_under_code_owner']);
  });

  it('drops the indexes and constraints the file no longer declares (RETIRED_SCHEMA) where a graph built before holds them, and creates none again', () => {
    const state = built();
    const old = (name: string, label: string, property: string, owner: string | null): IndexRow => ({ name, type: 'RANGE', entityType: 'NODE', labels: [label], properties: [property], state: 'ONLINE', owningConstraint: owner, failureMessage: '' });
    state.indexes.push(old('allocation_year', 'ProjectAllocation', 'year', null), old('economic_code', 'EconomicCode', 'code', 'economic_code'), old('operators_own', 'BudgetLine', 'year', null), old('document_year', 'Document', 'year', null));
    state.constraints.push({ name: 'economic_code', type: 'UNIQUENESS', entityType: 'NODE', labels: ['EconomicCode'], properties: ['code'] });
    expect(summary(state).sort()).toEqual(['drop-constraint economic_code', 'drop-index allocation_year', 'drop-index document_year']);
    expect(planSchema(declared, state).every((a) => a.do !== 'create' && a.retired === true)).toBe(true);
    // Only the names it is told: the same graph with no retired names keeps them.
    expect(planSchema(declared, state, [])).toEqual([]);
  });
});
