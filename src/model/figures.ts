// What a printed number counts, declared once: the parser records it, the FigureMeasure enum serves it.

/** FigureMeasure // 数字类型: what a printed number counts. */
export const FIGURE_MEASURES = {
  MONEY: 'An amount of money (万元 or 元 as the document states).',
  RATE: 'A percentage or ratio.',
  SCORE: 'Points of a scoring table (分值, 得分).',
  COUNT: 'A count (人数, 个数 …).',
} as const;
export type FigureMeasure = keyof typeof FIGURE_MEASURES;
