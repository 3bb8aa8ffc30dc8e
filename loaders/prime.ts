// Rows that arrive with their neighbours (a line with its unit, a feed with its department, unit
// and project) fill the other loaders' caches, so resolving those fields costs no round-trip.
import type { Loaders } from './index.js';
import type { DepartmentRow, DocumentRow, ProjectRow, UnitRow } from '../src/query/records.js';
import type { LineageData } from '../src/query/repository.js';
import { departmentRow, projectRow, unitRow } from '../src/query/rows.js';
import { documentSchemeKey } from '../src/model/ids.js';

type Props = Record<string, unknown>;

export function primeNeighbours(loaders: Pick<Loaders, 'unitById' | 'projectById' | 'departmentById'>, row: { unit?: Props | UnitRow; project?: Props | ProjectRow; department?: Props | DepartmentRow }): void {
  if (row.unit?.id) loaders.unitById.prime(String(row.unit.id), unitRow(row.unit as Props));
  if (row.project?.id && (row.project as Props).departmentId) loaders.projectById.prime(String(row.project.id), projectRow(row.project as Props));
  if (row.department?.id) loaders.departmentById.prime(String(row.department.id), departmentRow(row.department as Props));
}

/** A lineage fetched in one statement fills every loader its nested fields would use. */
export function primeLineage(loaders: Loaders, data: LineageData): void {
  loaders.projectById.prime(data.project.id, data.project);
  loaders.departmentById.prime(data.department.id, data.department);
  loaders.allocationsByProject.prime(data.project.id, data.years.map((y) => y.allocation));
  for (const y of data.years) {
    const id = y.allocation.id;
    loaders.allocationById.prime(id, y.allocation);
    loaders.unitById.prime(y.unit.id, y.unit);
    loaders.documentById.prime(y.document.id, y.document);
    loaders.codeLinksByAllocation.prime(id, y.links);
    loaders.investmentsByAllocation.prime(id, y.investments);
    loaders.indicatorsByAllocation.prime(id, y.indicators);
    loaders.evaluationsByAllocation.prime(id, y.evaluations);
  }
}

/** A document fetched with its lines and projects (cypher/document-bundle.cypher). */
export function primeDocumentBundle(loaders: Loaders, bundle: { document: DocumentRow; lines: Props[]; allocations: Props[] }, schemes: string[], withProjects: boolean): void {
  loaders.documentById.prime(bundle.document.id, bundle.document);
  const lines = bundle.lines.map((l) => loaders.absorbLine(l));
  for (const scheme of schemes) loaders.linesByDocumentScheme.prime(documentSchemeKey(bundle.document.id, scheme), lines.filter((l) => l.scheme === scheme));
  if (withProjects) loaders.allocationsByDocument.prime(bundle.document.id, bundle.allocations.map((a) => loaders.absorbAllocation(a)));
}
