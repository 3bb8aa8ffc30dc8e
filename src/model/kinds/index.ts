// Every fact kind declared property by property (src/model/fact-kind.ts). The kinds not yet here
// keep their hand lists (the move is issue #40 item 1); tests/unit/fact-kinds.test.ts checks
// each declared kind against every layer.
import { BUDGET_LINE } from './budget-line.js';
import { INDICATOR } from './indicator.js';
import { INVESTMENT_PROJECT } from './investment-project.js';
import { PROJECT } from './project.js';
import { PROJECT_ALLOCATION } from './project-allocation.js';
import { PROJECT_LISTING } from './project-listing.js';
import { SELF_EVALUATION } from './self-evaluation.js';
import { THREE_COSTS } from './three-costs.js';

export { BUDGET_LINE, INDICATOR, INVESTMENT_PROJECT, PROJECT, PROJECT_ALLOCATION, PROJECT_LISTING, SELF_EVALUATION, THREE_COSTS };

export const FACT_KINDS = { InvestmentProject: INVESTMENT_PROJECT, Indicator: INDICATOR, BudgetLine: BUDGET_LINE, ThreeCosts: THREE_COSTS, SelfEvaluation: SELF_EVALUATION, Project: PROJECT, ProjectAllocation: PROJECT_ALLOCATION, ProjectListing: PROJECT_LISTING } as const;
export type DeclaredKind = keyof typeof FACT_KINDS;
