// The whole path of a document // 文档流程: the parse's stages (src/parse/pipeline.ts), then the
// load plan: the rows each load statement writes. `npm run parse -- FILE --stage=NAME` runs it to
// any stage and prints what that stage gave. Pure: no I/O.
import { PARSE_PIPELINE, type Parsed, type Stage } from '../parse/pipeline.js';
import { buildPlan, type LoadPlan } from './plan.js';

export interface Planned extends Parsed {
  plan: LoadPlan;
}

export const PLAN: Stage<Parsed, Planned> = {
  name: 'plan',
  purpose: "the rows each load statement writes (plan.ts): identity, units, codes, allocations, links, restatements; the checks only the links reveal (plan-checks.ts) after the parser's anomalies",
  // Planned from the text as stored (personal data redacted), as the loader and the parse worker do.
  run: (input) => ({ ...input, plan: buildPlan(input.doc, input.redaction.text) }),
  show: ({ plan }) => plan,
};

export const DOCUMENT_PIPELINE = PARSE_PIPELINE.then(PLAN);
