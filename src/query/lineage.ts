// A project's funding lineage: for each year, the chain from where the money came from to what
// it achieved, each step with the line that states it. Pure: built from LineageData (one
// Cypher statement, see Repository.lineage).
import { fundingSources } from './funding.js';
import { projectIdParts } from '../model/ids.js';
import type { AllocationRow, DepartmentRow, ProjectRow, SourceRef } from './records.js';
import type { LineageData } from './repository.js';

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

export function buildLineage(data: LineageData): LineageRow {
  const { project, department } = data;
  const rule = identityRule(project);
  const steps: LineageStepRow[] = [];
  for (const { allocation: a, unit, document: doc, links, investments, indicators, evaluations } of data.years) {
    const year = a.year;
    for (const f of fundingSources(a.funding, a.documentId)) {
      steps.push(step({ year, kind: 'FUNDING', name: f.fund, amountFen: f.budgetFen, executedFen: f.executedFen, source: f.source }));
    }
    steps.push(step({ year, kind: 'DEPARTMENT', name: doc.departmentPrinted ?? department.name, detail: `${doc.title} (${doc.file})`, source: doc.titleSource }));
    // No UNIT step for an allocation of the department as a whole: no unit is printed for it.
    if (unit) steps.push(step({ year, kind: 'UNIT', name: unit.name, detail: unit.isSelf ? '本级' : null, source: a.source }));
    if (a.parentName) steps.push(step({ year, kind: 'PARENT_PROJECT', name: a.parentName, source: a.source }));
    steps.push(step({ year, kind: 'PROJECT', name: a.name, amountFen: a.amountFen, executedFen: a.executedFen, detail: a.executionRate, method: a.name === project.name ? 'PRINTED' : `SAME_PROJECT (${rule})`, source: a.source }));
    for (const l of links) {
      steps.push(step({ year, kind: 'FUNCTION_CODE', name: l.name ?? l.code, code: l.code, detail: l.note, method: l.method, source: l.evidence[l.evidence.length - 1] ?? null }));
    }
    for (const ip of investments) {
      steps.push(step({ year, kind: 'INVESTMENT_PROJECT', name: ip.name, code: ip.code, amountFen: ip.plannedInYearFen, executedFen: ip.completedInYearFen, detail: ip.completionRate, source: ip.source }));
    }
    for (const ind of indicators) steps.push(step({ year, kind: 'INDICATOR', name: ind.name, detail: `${ind.target ?? '—'} → ${ind.actual ?? '—'}`, source: ind.source }));
    for (const e of evaluations) steps.push(step({ year, kind: 'SELF_EVALUATION', name: e.project, amountFen: e.budgetFen, executedFen: e.executedFen, detail: e.rate, source: e.source }));
  }
  return { project, department, identityRule: rule, allocations: data.years.map((y) => y.allocation), steps };
}

function identityRule(project: ProjectRow): string {
  const names = project.names.length > 1 ? `; printed as ${project.names.map((n) => `"${n}"`).join(', ')}` : '';
  const unit = projectIdParts(project.id).unitKey;
  return `same department, ${unit ? `unit ${unit}` : 'no unit (printed for the department as a whole)'} and normalised name "${project.normName}"${names}`;
}
