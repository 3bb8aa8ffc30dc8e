// The six "三公" figures, declared once with the words documents print for them. The parser's
// record, the load plan's properties (<figure>Fen), the read rows, the restatement matcher and
// the anomaly checks iterate this table instead of spelling the six out.
import { keysOf } from '../keys.js';


/**
 * ThreeCosts // 三公经费: each figure with the names it is printed under (the first is canonical) and
 * its 中文 label in a 三公 table's row (zh: what the API and the anomaly messages call it).
 */
export const THREE_COSTS_FIGURES = {
  total: { zh: '合计', names: ['三公经费', '合计'], description: '"三公"经费 in total.' },
  abroad: { zh: '因公出国（境）费', names: ['因公出国（境）费', '因公出国(境)费'], description: '因公出国（境）费: official travel abroad.' },
  reception: { zh: '公务接待费', names: ['公务接待费'], description: '公务接待费: official receptions.' },
  // Shanghai's tables and prose print the pair shorter (公务用车购置及运行费 | 运行费).
  vehicles: { zh: '公务用车购置及运行维护费', names: ['公务用车购置及运行维护费', '公务用车购置和运行维护费', '公务用车购置及运行费', '公务用车购置和运行费'], description: '公务用车购置及运行维护费: official vehicles, purchase and running together.' },
  vehiclePurchase: { zh: '公务用车购置费', names: ['公务用车购置费'], description: '公务用车购置费: buying official vehicles.' },
  vehicleRunning: { zh: '公务用车运行维护费', names: ['公务用车运行维护费', '公务用车运行费'], description: '公务用车运行维护费: running official vehicles.' },
} as const;

export type ThreeCostsFigure = keyof typeof THREE_COSTS_FIGURES;
export const THREE_COSTS_FIGURE_NAMES = keysOf(THREE_COSTS_FIGURES);

/** The stored property of a figure: amounts are integer fen ("abroad" → "abroadFen"). */
export const fenProperty = (figure: ThreeCostsFigure) => `${figure}Fen` as const;
