// Which stored properties a document bundle reads for a selection (src/query/projection.ts).
import { describe, expect, it } from 'vitest';
import { documentBundlePlan, feedNeighboursPlan, projectionKeys, projectsPagePlan, LINE_PROJECTION, type FieldTree } from '../../src/query/projection.js';

/** { a { b } c } written as tree('a', ['b'], 'c')-ish nested objects. */
type Sel = { [name: string]: Sel | true };
const tree = (sel: Sel): FieldTree => new Map(Object.entries(sel).map(([k, v]) => [k, v === true ? new Map() : tree(v)]));

describe('projectionKeys: a line selection reads its core and the columns of its fields', () => {
  it('code total source { line } reads the core, totalFen and srcLine only', () => {
    expect(projectionKeys(LINE_PROJECTION, tree({ code: true, total: true, source: { line: true } }))).toEqual([...LINE_PROJECTION.core, 'totalFen', 'srcLine']);
  });

  it('a 决算 line’s budget needs its columns beside its total', () => {
    expect(projectionKeys(LINE_PROJECTION, tree({ budget: true }))).toEqual([...LINE_PROJECTION.core, 'totalFen', 'columns']);
  });

  it('a field it does not declare reads every property (null)', () => {
    expect(projectionKeys(LINE_PROJECTION, tree({ code: true, somethingNew: true }))).toBeNull();
    expect(projectionKeys(LINE_PROJECTION, tree({ source: { somethingNew: true } }))).toBeNull();
  });
});

describe('documentBundlePlan', () => {
  it('asks for nothing when the document selects no lines and no projects', () => {
    expect(documentBundlePlan(tree({ title: true, total: true }))).toBeNull();
  });

  it('merges the selections of every lines field: they share one list of rows', () => {
    const plan = documentBundlePlan(tree({ functionLines: { total: true }, economicLines: { basic: true, source: { text: true } } }))!;
    expect(plan.schemes).toEqual(['FUNCTION', 'ECONOMIC']);
    expect(plan.lineKeys).toEqual([...LINE_PROJECTION.core, 'totalFen', 'basicFen', 'srcText']);
    expect(plan.withProjects).toBe(false);
  });

  it('fetches projects, code links and their evidence only when selected', () => {
    const methodOnly = documentBundlePlan(tree({ projects: { amount: true, codeLink: { method: true } } }))!;
    expect(methodOnly).toMatchObject({ withProjects: true, allocationKeys: ['id', 'amountFen'], withProjectRows: false, withLinks: true, linkEvidence: false });
    const withEvidence = documentBundlePlan(tree({ projects: { project: { name: true }, codeLinks: { evidence: { line: true } } } }))!;
    expect(withEvidence).toMatchObject({ withProjectRows: true, withLinks: true, linkEvidence: true });
    expect(documentBundlePlan(tree({ projects: { name: true } }))).toMatchObject({ withLinks: false, linkEvidence: false });
  });
});

describe('feedNeighboursPlan: a link’s department, unit and project come whole only when more than id and name is read', () => {
  it('names and ids alone: all slim, whether asked of a link or of a connection’s nodes and edges', () => {
    const slim = { wholeDepartment: false, wholeUnit: false, wholeProject: false };
    expect(feedNeighboursPlan(tree({ department: { name: true }, unit: { name: true }, project: { id: true, name: true } }))).toEqual(slim);
    expect(feedNeighboursPlan(tree({ nodes: { department: { id: true } }, edges: { node: { project: { allocations: { year: true } } } } }))).toEqual(slim);
  });

  it('aliases, isSelf or a project’s names: that neighbour whole', () => {
    expect(feedNeighboursPlan(tree({ nodes: { department: { aliases: true } } }))).toEqual({ wholeDepartment: true, wholeUnit: false, wholeProject: false });
    expect(feedNeighboursPlan(tree({ edges: { node: { unit: { isSelf: true }, project: { names: true } } } }))).toEqual({ wholeDepartment: false, wholeUnit: true, wholeProject: true });
  });

  it('a unit’s or project’s department: the department whole, to prime the loader it is read through', () => {
    expect(feedNeighboursPlan(tree({ project: { department: { name: true } } })).wholeDepartment).toBe(true);
  });
});

describe('projectsPagePlan', () => {
  it('reads names and the department whole only when a node selects them', () => {
    expect(projectsPagePlan(tree({ totalCount: true, nodes: { id: true, name: true, department: { name: true } } }))).toEqual({ projectNames: false, wholeDepartment: false });
    expect(projectsPagePlan(tree({ edges: { node: { names: true, department: { aliasRules: true } } } }))).toEqual({ projectNames: true, wholeDepartment: true });
  });
});
