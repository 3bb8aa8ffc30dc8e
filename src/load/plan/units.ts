// BudgetUnit // 预算单位 rows: every unit a document's facts name, registered as the mappers meet
// them (the department's own unit first), each once. A unit is named as a table prints it: the
// department's own unit takes the department's printed name until a table prints its own (never
// an invented "（本级）").
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
    const known = this.units.get(id);
    if (!known || (known.printed === null && name)) this.units.set(id, this.row(id, name, source));
    return id;
  }

  private row(id: string, name: string | null, source: Source) {
    return { id, name: name ?? this.dept.name, printed: name, isSelf: id.endsWith(`|${SELF_UNIT}`), searchText: name ?? this.dept.name, ...src(source) };
  }

  rows() {
    return [...this.units.values()].map(({ printed: _printed, ...row }) => row);
  }
}
