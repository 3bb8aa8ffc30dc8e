// A node's properties answer in one order whatever order the store kept them in: the store's map
// follows the order a load set them, and a batched folder load sets an investment project's
// properties in another order than a single document's load (docs/queries.md's InvestmentProject
// answer changed with nothing else changed).
import { describe, expect, it } from 'vitest';
import { displayProperties } from '../../src/query/graph-nodes.js';

describe('graphNode properties', () => {
  it('come in alphabetical order of their names, whatever order the store gives', () => {
    const stored = { name: '坪山新区管委会综合服务楼网络综合布线项目', code: '2012-440317-39-01-701764', year: 2020, totalInvestmentFen: 4724300n };
    const reversed = Object.fromEntries(Object.entries(stored).reverse());
    expect(Object.keys(displayProperties(stored))).toEqual(['code', 'name', 'totalInvestment', 'year']);
    expect(JSON.stringify(displayProperties(reversed))).toBe(JSON.stringify(displayProperties(stored)));
  });
});
