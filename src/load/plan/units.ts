// BudgetUnit // 预算单位 rows: every unit a document's facts name, registered as the mappers meet
// them (the department's own unit first), each once.
import type { Source } from '../../parse/records.js';
import type { DepartmentIdentity } from '../identity.js';
import { unitId } from '../identity.js';
import { SELF_UNIT } from '../../model/ids.js';
import { src } from './values.js';

export class UnitRegistry {
  private readonly units = new Map<string, ReturnType<UnitRegistry['row']>>();

  constructor(private readonly dept: DepartmentIdentity) {}

  /** The unit's id, registering it the first time it is named. */
  add(name: string | null, source: Source): string {
    const id = unitId(this.dept.id, name);
    if (!this.units.has(id)) this.units.set(id, this.row(id, name, source));
    return id;
  }

  private row(id: string, name: string | null, source: Source) {
    return { id, name: name ?? `${this.dept.name}（本级）`, isSelf: id.endsWith(`|${SELF_UNIT}`), searchText: name ?? this.dept.name, ...src(source) };
  }

  rows() {
    return [...this.units.values()];
  }
}
