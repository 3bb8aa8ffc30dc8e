// A project's funding lineage: for each year, the chain from where the money came from to
// what it achieved, each step with the line that states it. Built from the per-request
// DataLoaders, so a lineage costs a fixed number of round-trips however many years it spans.
import type { Loaders } from '../../loaders/index.js';
import { fundingSources } from './funding.js';
import type { AllocationRow, DepartmentRow, ProjectRow, SourceRef } from './records.js';

export interface LineageStepRow {
  year: number;
  kind: 'FUNDING' | 'DEPARTMENT' | 'UNIT' | 'PARENT_PROJECT' | 'PROJECT' | 'FUNCTION_CODE' | 'INVESTMENT_PROJECT' | 'INDICATOR' | 'SELF_EVALUATION';
  name: string;
  code: string | null;
  amountFen: bigint | null;
  executedFen: bigint | null;
  detail: string | null;
  method: string | null;
  source: SourceRef | null;
}

export interface LineageRow {
  project: ProjectRow;
  department: DepartmentRow | null;
  identityRule: string;
  allocations: AllocationRow[];
  steps: LineageStepRow[];
}

const step = (s: Partial<LineageStepRow> & Pick<LineageStepRow, 'year' | 'kind' | 'name'>): LineageStepRow => ({
  code: null,
  amountFen: null,
  executedFen: null,
  detail: null,
  method: 'PRINTED',
  source: null,
  ...s,
});

export async function buildLineage(projectId: string, loaders: Loaders): Promise<LineageRow | null> {
  const project = await loaders.projectById.load(projectId);
  if (!project) return null;
  const [department, allocations] = await Promise.all([loaders.departmentById.load(project.departmentId), loaders.allocationsByProject.load(projectId)]);
  const ids = allocations.map((a) => a.id);
  const [units, documents, links, investments, indicators, evaluations] = await Promise.all([
    Promise.all(allocations.map((a) => loaders.unitById.load(a.unitId))),
    Promise.all(allocations.map((a) => loaders.documentById.load(a.documentId))),
    loaders.codeLinksByAllocation.loadMany(ids),
    loaders.investmentsByAllocation.loadMany(ids),
    loaders.indicatorsByAllocation.loadMany(ids),
    loaders.evaluationsByAllocation.loadMany(ids),
  ]);
  const list = <T>(x: T[] | Error | undefined): T[] => (Array.isArray(x) ? x : []);

  const steps: LineageStepRow[] = [];
  allocations.forEach((a, i) => {
    const year = a.year;
    for (const f of fundingSources(a.funding, a.documentId)) {
      steps.push(step({ year, kind: 'FUNDING', name: f.fund, amountFen: f.budgetFen, executedFen: f.executedFen, source: f.source }));
    }
    const doc = documents[i];
    steps.push(step({ year, kind: 'DEPARTMENT', name: doc?.departmentPrinted ?? department?.name ?? project.departmentId, detail: doc ? `${doc.title} (${doc.file})` : null, source: doc?.totalSource ?? null }));
    const unit = units[i];
    if (unit) steps.push(step({ year, kind: 'UNIT', name: unit.name, detail: unit.isSelf ? '本级' : null, source: a.source }));
    if (a.parentName) steps.push(step({ year, kind: 'PARENT_PROJECT', name: a.parentName, source: a.source }));
    steps.push(step({ year, kind: 'PROJECT', name: a.name, amountFen: a.amountFen, executedFen: a.executedFen, detail: a.executionRate, method: a.name === project.name ? 'PRINTED' : `SAME_PROJECT (${identityRule(project)})`, source: a.source }));
    for (const l of list(links[i])) {
      steps.push(step({ year, kind: 'FUNCTION_CODE', name: l.name ?? l.code, code: l.code, detail: l.note, method: l.method, source: l.evidence[l.evidence.length - 1] ?? null }));
    }
    for (const ip of list(investments[i])) {
      steps.push(step({ year, kind: 'INVESTMENT_PROJECT', name: ip.name, code: ip.code, amountFen: ip.plannedInYearFen, executedFen: ip.completedInYearFen, detail: ip.completionRate, source: ip.source }));
    }
    for (const ind of list(indicators[i])) {
      steps.push(step({ year, kind: 'INDICATOR', name: ind.name, detail: `${ind.target ?? '—'} → ${ind.actual ?? '—'}`, source: ind.source }));
    }
    for (const e of list(evaluations[i])) {
      steps.push(step({ year, kind: 'SELF_EVALUATION', name: e.project, amountFen: e.budgetFen, executedFen: e.executedFen, detail: e.rate, source: e.source }));
    }
  });
  return { project, department, identityRule: identityRule(project), allocations, steps };
}

function identityRule(project: ProjectRow): string {
  const names = project.names.length > 1 ? `; printed as ${project.names.map((n) => `"${n}"`).join(', ')}` : '';
  return `same department and normalised name "${project.normName}"${names}`;
}
