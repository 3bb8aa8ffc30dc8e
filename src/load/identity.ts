// Identity across documents: one Department across title variants, one Project across
// tables and years. Each match records the rule that made it.
import { normaliseProjectName } from '../model/names.js';
import { SELF_UNIT, projectId as projectIdOf, unitId as unitIdOf, unitKeyOf } from '../model/ids.js';
import { DEPARTMENT_NAME } from '../parse/glossary/index.js';

export interface DepartmentIdentity {
  id: string;
  name: string;
  /** The rules applied to reach the id from the printed title. */
  rules: string[];
}

/** 深圳市某区某局（本级） → 某区某局 (rules: 深圳市 prefix, （本级）). */
export function departmentIdentity(printed: string): DepartmentIdentity {
  const rules: string[] = [];
  let name = printed.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  if (DEPARTMENT_NAME.ownUnitBracketed.test(name)) {
    name = name.replace(DEPARTMENT_NAME.ownUnitBracketed, '');
    rules.push('drop （本级）');
  }
  if (DEPARTMENT_NAME.ownUnitLast.test(name)) {
    name = name.replace(DEPARTMENT_NAME.ownUnitLast, '');
    rules.push('drop 本级');
  }
  const display = name;
  let id = name;
  if (id.startsWith(DEPARTMENT_NAME.cityPrefix) && id.length > DEPARTMENT_NAME.cityPrefix.length) {
    id = id.slice(DEPARTMENT_NAME.cityPrefix.length);
    rules.push('drop 深圳市 prefix');
  }
  const joined = id.replace(DEPARTMENT_NAME.conjunction, '');
  if (joined !== id) {
    id = joined;
    rules.push('drop 和 / 与 / 及 between two fields of work');
  }
  return { id, name: display, rules };
}

/**
 * A project's identity: department + unit + normalised name. `unitId` is the unit the listing is
 * printed under (or the unit the document is of), null for a listing of the department as a
 * whole — never the department's own unit (本级) by default.
 */
export function projectId(departmentId: string, unitId: string | null, name: string): string {
  return projectIdOf(departmentId, unitId === null ? '' : unitKeyOf(unitId), normaliseProjectName(name));
}

/** Which rule named a project's unit, for its identity. */
export type ProjectUnitRule = 'PRINTED' | 'DOCUMENT' | 'NONE';

/**
 * The unit a project listing belongs to: the 预算单位 the table prints it under; else the unit
 * the document is of (a 单位预算 / 单位决算 names it in its title); else none (the department).
 */
export function listingUnit(printed: string | null, documentUnit: string | null): { unit: string | null; rule: ProjectUnitRule } {
  if (printed) return { unit: printed, rule: 'PRINTED' };
  if (documentUnit) return { unit: documentUnit, rule: 'DOCUMENT' };
  return { unit: null, rule: 'NONE' };
}

export function unitId(departmentId: string, unitName: string | null): string {
  if (!unitName) return unitIdOf(departmentId, SELF_UNIT);
  const u = departmentIdentity(unitName);
  // The department's own unit (本级) and the department title name the same budget unit.
  return unitIdOf(departmentId, u.id === departmentId || DEPARTMENT_NAME.ownUnit.test(unitName) ? SELF_UNIT : u.id);
}
