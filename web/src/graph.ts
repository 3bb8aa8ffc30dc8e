// The canvas: cytoscape.js with its built-in force-directed layout (cose). Node colour and
// shape say the kind; a red ring marks nodes an anomaly concerns; labels show 万元 amounts.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type EdgeSingular } from 'cytoscape';
import type { GraphEdge, GraphNode } from './api.js';
import { wan } from './format.js';
// The declared fact kinds' 中文 terms (src/model/kinds): the legend says what the model says.
import { FACT_KINDS } from '../../src/model/kinds/index.js';

export const KINDS: Record<string, { color: string; shape: cytoscape.Css.NodeShape; label: string }> = {
  Department: { color: '#1f5fa8', shape: 'round-rectangle', label: 'Department 部门' },
  Document: { color: '#6b6b6b', shape: 'rectangle', label: 'Document 文件' },
  BudgetUnit: { color: '#138f9c', shape: 'round-rectangle', label: 'Unit 预算单位' },
  Project: { color: '#2b8a2b', shape: 'ellipse', label: 'Project 项目' },
  ProjectAllocation: { color: '#7cc47c', shape: 'ellipse', label: 'Project in a year 项目预算' },
  ProjectListing: { color: '#b9b9b9', shape: 'round-tag', label: 'Listing 列示' },
  BudgetLine: { color: '#a3a31c', shape: 'tag', label: `Budget line ${FACT_KINDS.BudgetLine.zh}` },
  FunctionCode: { color: '#e8760c', shape: 'diamond', label: 'Function code 功能分类' },
  EconomicCode: { color: '#f2b36b', shape: 'diamond', label: 'Economic code 经济分类' },
  ProcurementItem: { color: '#d163a8', shape: 'diamond', label: 'Procurement 采购品目' },
  Indicator: { color: '#7d55b8', shape: 'triangle', label: `Indicator ${FACT_KINDS.Indicator.zh}` },
  InvestmentProject: { color: '#c0282d', shape: 'hexagon', label: `Investment ${FACT_KINDS.InvestmentProject.zh}` },
  SelfEvaluation: { color: '#8c564b', shape: 'star', label: 'Self-evaluation 自评' },
  ThreeCosts: { color: '#8fb3de', shape: 'barrel', label: FACT_KINDS.ThreeCosts.zh },
  Anomaly: { color: '#222222', shape: 'octagon', label: 'Anomaly 异常' },
  Figure: { color: '#c9c26b', shape: 'round-rectangle', label: 'Table figure 表内数字' },
  TableTotal: { color: '#8a8a2a', shape: 'round-rectangle', label: 'Table total 合计' },
  ProseAmount: { color: '#9aa7b4', shape: 'round-tag', label: 'Prose amount 正文金额' },
  Payment: { color: '#b58b5a', shape: 'round-tag', label: 'Payment 支付明细' },
  Step: { color: '#4a7fb5', shape: 'round-rectangle', label: 'Question result' },
};

function amountOf(p: Record<string, unknown>): string | null {
  for (const k of ['amount', 'total', 'completedInYear', 'budget']) if (typeof p[k] === 'string') return wan(p[k]);
  return null;
}

function short(text: string, n = 22): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

export function nodeElement(n: GraphNode): ElementDefinition {
  const amount = amountOf(n.properties);
  return {
    group: 'nodes',
    data: { id: n.id, kind: n.kind, name: n.name, label: amount ? `${short(n.name)}\n${amount}` : short(n.name), props: n.properties, anomalies: n.anomalies, year: n.properties.year ?? null },
    classes: n.anomalies > 0 || n.kind === 'Anomaly' ? 'flagged' : '',
  };
}

export function edgeElement(e: GraphEdge): ElementDefinition {
  const method = typeof e.properties.method === 'string' ? e.properties.method : null;
  return { group: 'edges', data: { id: e.id, source: e.from, target: e.to, type: e.type, method, label: method ? `${e.type} · ${method}` : e.type, props: e.properties } };
}

export function createGraph(container: HTMLElement): Core {
  const style: cytoscape.StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'text-wrap': 'wrap',
        'font-size': 9,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        width: 26,
        height: 26,
        'border-width': 1,
        'border-color': '#ffffff',
        color: '#222',
      },
    },
    ...Object.entries(KINDS).map(([kind, k]) => ({ selector: `node[kind = "${kind}"]`, style: { 'background-color': k.color, shape: k.shape } })),
    { selector: 'node.flagged', style: { 'border-width': 4, 'border-color': '#e0161b' } },
    { selector: 'node:selected', style: { 'overlay-color': '#1f5fa8', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'edge', style: { width: 1.4, 'line-color': '#bbb', 'target-arrow-color': '#bbb', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'font-size': 7, color: '#555', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
    // Only links that carry a method are labelled on the canvas; every other type shows on selection.
    { selector: 'edge[?method], edge:selected', style: { label: 'data(label)' } },
    { selector: 'edge[type = "BOOKED_UNDER"]', style: { 'line-color': '#e8760c', 'target-arrow-color': '#e8760c', width: 2 } },
    { selector: 'edge.path', style: { 'line-color': '#d62728', 'target-arrow-color': '#d62728', width: 4 } },
    { selector: 'node.path', style: { 'border-color': '#d62728', 'border-width': 5 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
  return cytoscape({ container, style, minZoom: 0.1, maxZoom: 4 });
}

/** Adds what is new, keeps what is there, and lays out again. Returns the ids added. */
export function merge(cy: Core, nodes: GraphNode[], edges: GraphEdge[]): string[] {
  const added: string[] = [];
  cy.batch(() => {
    for (const n of nodes) {
      if (cy.getElementById(n.id).empty()) {
        cy.add(nodeElement(n));
        added.push(n.id);
      }
    }
    for (const e of edges) if (cy.getElementById(e.id).empty() && !cy.getElementById(e.from).empty() && !cy.getElementById(e.to).empty()) cy.add(edgeElement(e));
  });
  layout(cy);
  return added;
}

/**
 * Left-to-right layers along the direction of the edges (cytoscape's breadth-first layout, turned
 * on its side): the money's direction reads from left to right.
 */
export function layeredLayout(cy: Core): void {
  cy.layout({
    name: 'breadthfirst',
    directed: true,
    // Every node nothing points to starts a chain (a lineage has one per year).
    roots: cy.nodes().roots(),
    spacingFactor: 1.1,
    animate: false,
    fit: true,
    padding: 30,
    transform: (_node: unknown, pos: { x: number; y: number }) => ({ x: pos.y * 1.6, y: pos.x }),
  } as cytoscape.LayoutOptions).run();
}

export function layout(cy: Core): void {
  cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 40000, idealEdgeLength: () => 120, nodeOverlap: 20, componentSpacing: 80, fit: true, padding: 30 } as cytoscape.LayoutOptions).run();
}

export type Selected = { kind: 'node'; el: NodeSingular } | { kind: 'edge'; el: EdgeSingular } | null;
