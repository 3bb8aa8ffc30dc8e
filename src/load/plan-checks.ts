// The checks the load plan adds // 关联检查: rules over what only the load's links know (which
// projects a 项 line holds, which table fact a sentence restates, which two names are one project),
// declared like the parse's registry (src/parse/checks/registry.ts: code, kind, family, severity,
// compares, why) and run by the load's plan-checks stage (src/load/pipeline.ts) after its links
// stage, their findings listed after the parser's. They stay here, not in the parse's checks stage:
// the links they read are decided by the load (code-links.ts, restatements.ts, name-variants.ts),
// and the parse's output does not carry them.
import type { CheckRule } from '../parse/checks/rule.js';
import type { Anomaly, ParsedDocument, Project } from '../parse/records.js';
import type { CodeLink, InvestmentLink } from './code-links.js';
import type { NameVariant } from './name-variants.js';
import { linkedExceedsLineAnomalies } from './trail-reconcile.js';

/** What a plan check reads: the document and the links the plan decided. */
export interface PlanCheckContext {
  doc: ParsedDocument;
  /** One project per allocation (the listings of one project merged), as the links index them. */
  representatives: Project[];
  links: CodeLink[];
  investmentLinks: InvestmentLink[];
  /** What the prose restates and where it disagrees (restatements.ts). */
  restated: { anomalies: Anomaly[] };
  variants: NameVariant[];
  isActual: boolean;
}

export interface PlanCheckRule extends Omit<CheckRule, 'run'> {
  run(ctx: PlanCheckContext): Anomaly[];
}

/** In the order their findings are listed. */
export const PLAN_CHECK_RULES: readonly PlanCheckRule[] = [
  {
    code: 'LINKED_EXCEEDS_LINE',
    kind: 'LINKED_EXCEEDS_LINE',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'a 项 line’s 项目支出 with the projects and investment projects linked to it (INFO within the printed precision, or the rounding the document declares)',
    why: 'a line cannot hold more project money than it prints: a link or a figure is wrong',
    run: ({ doc, representatives, links, investmentLinks, isActual }) => linkedExceedsLineAnomalies(representatives, doc.investmentProjects, doc.lines, links, investmentLinks, isActual, doc.meta.roundingNote),
  },
  {
    code: 'PROSE_RESTATES_TABLE',
    kind: 'PROSE_TABLE_MISMATCH',
    family: 'PROSE_TABLES',
    severity: 'WARNING',
    compares: 'an amount the prose states of a named item with the table fact it restates (by name and parent; INFO within the rounding of whole 万元)',
    why: 'the explanation is what is quoted; it must say what the table prints',
    run: ({ restated }) => restated.anomalies,
  },
  {
    code: 'PROJECT_NAMED_TWICE',
    kind: 'PROJECT_NAMED_TWICE',
    family: 'WORDS',
    severity: 'INFO',
    compares: 'a self-evaluation summary’s project with the one form of another name whose budget and executed amounts agree at the summary’s printed precision',
    why: 'one project under two names would be counted twice',
    run: ({ variants }) => variants.map((v) => v.anomaly),
  },
];

export function runPlanChecks(ctx: PlanCheckContext, rules: readonly PlanCheckRule[] = PLAN_CHECK_RULES): Anomaly[] {
  return rules.flatMap((rule) => rule.run(ctx));
}
