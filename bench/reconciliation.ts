// Precision and recall of the project → code links (DIRECT / NAMED / RECONCILED / SPLIT) on the
// generated corpus, whose ground truth says which 项 each project's money is booked under.
// precision = links to the right code / links made; recall = projects linked to their right code /
// projects. Per method too, so an inference that guesses wrong shows up.
import { parseDocument } from '../src/parse/index.js';
import { buildPlan } from '../src/load/plan.js';
import { normaliseProjectName } from '../src/model/names.js';
import type { DocumentTruth } from './corpus/truth.js';

export interface MethodFigure {
  links: number;
  correct: number;
  precision: number | null;
}

export interface ReconciliationReport {
  documents: number;
  projects: number;
  projectsLinkedRight: number;
  links: number;
  correctLinks: number;
  precision: number | null;
  recall: number | null;
  byMethod: Record<string, MethodFigure>;
  wrongSamples: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

export function reconciliation(docs: { file: string; text: string; truth: DocumentTruth }[]): ReconciliationReport {
  const r: ReconciliationReport = { documents: 0, projects: 0, projectsLinkedRight: 0, links: 0, correctLinks: 0, precision: null, recall: null, byMethod: {}, wrongSamples: [] };
  for (const d of docs) {
    const plan = buildPlan(parseDocument(d.text, d.file), d.text);
    r.documents++;
    // One name may be printed for two units under two codes: each (name, code) is a project.
    const truthByName = new Map<string, Set<string>>();
    for (const p of d.truth.projects) truthByName.set(normaliseProjectName(p.name), (truthByName.get(normaliseProjectName(p.name)) ?? new Set()).add(p.bookedUnder));
    const allocationName = new Map(plan.allocations.map((a) => [String(a.id), normaliseProjectName(String(a.name))]));
    const rightlyLinked = new Set<string>();
    for (const l of plan.codeLinks) {
      const name = allocationName.get(String(l.allocationId)) ?? '';
      const want = truthByName.get(name);
      if (want === undefined) continue; // not a project of the truth (a task, a total)
      const ok = want.has(String(l.code));
      const m = (r.byMethod[String(l.method)] ??= { links: 0, correct: 0, precision: null });
      m.links++;
      r.links++;
      if (ok) {
        m.correct++;
        r.correctLinks++;
        rightlyLinked.add(`${name}|${String(l.code)}`);
      } else if (r.wrongSamples.length < 10) {
        r.wrongSamples.push(`${d.file}: ${name} ${String(l.method)} → ${String(l.code)}, booked under ${[...want].join(' / ')}`);
      }
    }
    r.projects += [...truthByName.values()].reduce((a, codes) => a + codes.size, 0);
    r.projectsLinkedRight += rightlyLinked.size;
  }
  r.precision = ratio(r.correctLinks, r.links);
  r.recall = ratio(r.projectsLinkedRight, r.projects);
  for (const m of Object.values(r.byMethod)) m.precision = ratio(m.correct, m.links);
  return r;
}
