// ThreeCosts // 三公经费: one row of 三公 figures, from a table or from the prose (both kept).
// Declared once here (src/model/fact-kind.ts says how each layer takes it); the six figures come
// from THREE_COSTS_FIGURES (src/model/three-costs.ts), which also holds the words they print as.
import { defineKind } from '../fact-kind.js';
import { BASES } from '../documents.js';
import { THREE_COSTS_FIGURES, THREE_COSTS_FIGURE_NAMES } from '../three-costs.js';
import { keysOf, tableOf } from '../../keys.js';

type FigureDecl = { type: 'money'; printedIn: '万元'; zh: string; nullable: true; description: string };

// One declaration per figure, each built the same way from its words.
const FIGURES = tableOf(THREE_COSTS_FIGURE_NAMES, (f): FigureDecl => {
  const zh = THREE_COSTS_FIGURES[f].zh;
  return { type: 'money', printedIn: '万元', zh, nullable: true, description: `${zh}, 万元.` };
});

export const THREE_COSTS = defineKind({
  name: 'ThreeCosts',
  zh: '三公经费',
  properties: {
    origin: { type: 'enum', values: ['TABLE', 'PROSE'] as const, zh: '出处', description: 'TABLE or PROSE: where the figures were printed.' },
    // The document's year: every row has one; served nullable as since the first schema.
    year: { type: 'int', zh: '年度', servedNullable: true, description: 'Fiscal year.' },
    basis: { type: 'enum', values: keysOf(BASES), enumName: 'Basis', zh: '口径', description: 'BUDGET (预算) or ACTUAL (决算).' },
    ...FIGURES,
  },
});
