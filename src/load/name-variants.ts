// One project printed under two names in one document: a 自评综述 in the prose ("某类经费 … 预算数
// 10.5万元，执行数2.35万元") and the self-evaluation form of another name (10.504 / 2.345). The
// prose rounds what the form prints; when budget and executed agree to the prose's printed
// precision, and exactly one form agrees, both name one project. Decided here, recorded with its
// evidence (an INFO anomaly), never silently.
import { halfUnitOfPrinted } from '../model/money.js';
import { normaliseProjectName } from '../model/names.js';
import type { Anomaly, Project } from '../parse/records.js';

export interface NameVariant {
  /** The name as the prose prints it. */
  printed: string;
  /** The form's name: the identity both listings share. */
  canonical: string;
  anomaly: Anomaly;
}

/** |form − prose| within half a unit of the prose's last printed digit (rounding half up). */
function agrees(prose: bigint | null, form: bigint | null): boolean {
  if (prose === null || form === null) return false;
  const half = halfUnitOfPrinted(prose);
  const diff = form - prose;
  return diff >= -half && diff < half;
}

export function nameVariants(projects: Project[]): NameVariant[] {
  const forms = projects.filter((p) => p.sourceKind === 'SELF_EVALUATION' && p.source.table !== '正文');
  const formNames = new Set(forms.map((p) => normaliseProjectName(p.name)));
  const out: NameVariant[] = [];
  for (const prose of projects.filter((p) => p.sourceKind === 'SELF_EVALUATION' && p.source.table === '正文')) {
    if (formNames.has(normaliseProjectName(prose.name))) continue;
    const matches = forms.filter((f) => agrees(prose.amount, f.amount) && agrees(prose.executed, f.executed));
    if (matches.length !== 1) continue;
    const form = matches[0]!;
    out.push({
      printed: prose.name,
      canonical: form.name,
      anomaly: {
        kind: 'PROJECT_NAMED_TWICE',
        severity: 'INFO',
        message: `one project under two names: the prose's ${prose.name} (line ${prose.source.line}) is the form's ${form.name} (line ${form.source.line}) — budget and executed agree to the prose's rounding`,
        delta: prose.amount !== null && form.amount !== null ? prose.amount - form.amount : null,
        sources: [prose.source, form.source],
      },
    });
  }
  return out;
}
