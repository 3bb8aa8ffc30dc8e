// Ready-made questions a person can run with one click and change. Each returns a table (for
// the results panel and CSV) and graph elements (for the canvas).
import { gql, type GraphEdge, type GraphNode } from './api.js';

export interface Input {
  name: string;
  label: string;
  /** Filled from the loaded graph when the page opens (see suggestDefaults). */
  value: string;
  placeholder: string;
}

/**
 * Defaults taken from whatever the graph holds, so each question runs with one click on any
 * set of documents: a code some project is linked to, that project, a final-accounts document's
 * department and year, a document with anomalies.
 */
export async function suggestDefaults(): Promise<Record<string, Record<string, string>>> {
  const data = await gql<{ projects: { nodes: { name: string; allocations: { year: number; codeLink: { code: string } | null }[] }[] }; finals: { nodes: { year: number; department: { name: string } }[] }; documents: { nodes: { id: string; year: number; department: { name: string } }[] }; anomalies: { nodes: { document: { id: string } | null }[] } }>(
    `{ projects(first: 50) { nodes { name allocations { year codeLink { code } } } }
       finals: documents(filter: { kind: FINAL_ACCOUNTS }, first: 1) { nodes { year department { name } } }
       documents(first: 1) { nodes { id year department { name } } }
       anomalies(first: 1) { nodes { document { id } } } }`,
  );
  const linked = data.projects.nodes.find((p) => p.allocations.some((a) => a.codeLink));
  const plan = data.finals.nodes[0] ?? data.documents.nodes[0];
  return {
    feeds: { code: linked?.allocations.find((a) => a.codeLink)?.codeLink?.code ?? '' },
    lineage: { project: linked?.name ?? data.projects.nodes[0]?.name ?? '' },
    'plan-vs-actual': { department: plan?.department.name ?? '', year: plan ? String(plan.year) : '' },
    anomalies: { document: data.anomalies.nodes[0]?.document?.id ?? data.documents.nodes[0]?.id ?? '' },
  };
}

export interface Answer {
  title: string;
  columns: string[];
  rows: Record<string, unknown>[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Draw left to right in layers from this node (a chain such as a lineage), not as a force layout. */
  layeredFrom?: string;
}

export interface Question {
  id: string;
  title: string;
  inputs: Input[];
  run(values: Record<string, string>): Promise<Answer>;
}

const node = (id: string, kind: string, name: string, properties: Record<string, unknown> = {}, anomalies = 0): GraphNode => ({ id, kind, name, properties, anomalies });
const edge = (from: string, to: string, type: string, properties: Record<string, unknown> = {}): GraphEdge => ({ id: `${type}:${from}->${to}`, type, from, to, properties });
const years = (text: string) => text.split(/[ ,，]+/).filter(Boolean).map(Number).filter(Number.isInteger);

export const QUESTIONS: Question[] = [
  {
    id: 'feeds',
    title: 'Which projects fed a code, across years',
    inputs: [
      { name: 'code', label: '功能分类 code', value: '', placeholder: 'e.g. 2010504' },
      { name: 'department', label: 'Department (part of name)', value: '', placeholder: 'blank = every department' },
      { name: 'years', label: 'Years (blank = all)', value: '', placeholder: 'e.g. 2020, 2024' },
    ],
    async run(v) {
      const data = await gql<{ projectsFeedingCode: any[]; classificationCode: { id: string; name: string | null } | null }>(
        `query($code: String!, $dep: String, $years: [Int!]) {
          classificationCode(code: $code) { id name }
          projectsFeedingCode(code: $code, department: $dep, yearIn: $years) {
            year code department { name } unit { name } project { id name } investment { id code name } amount method methods note evidence { document { file } table line text } } }`,
        { code: v.code, dep: v.department || null, years: v.years ? years(v.years) : null },
      );
      // The code's global id as the graph view's nodes carry it ("ClassificationCode:FunctionCode:…").
      const codeId = data.classificationCode?.id ?? `ClassificationCode:FunctionCode:${v.code}`;
      const nodes = [node(codeId, 'FunctionCode', `${v.code} ${data.classificationCode?.name ?? ''}`.trim(), { code: v.code })];
      const edges: GraphEdge[] = [];
      const rows = data.projectsFeedingCode.map((r) => {
        // A row is a project's allocation or, for final accounts, an investment project (政府投资项目).
        // Ids are global ("Project:…"), the same the graph view's nodes carry.
        const pid: string = r.project ? r.project.id : r.investment.id;
        const name: string = r.project?.name ?? r.investment.name;
        nodes.push(node(pid, r.project ? 'Project' : 'InvestmentProject', name, { year: r.year }));
        edges.push(edge(pid, codeId, `FED_${r.year}`, { method: r.method, methods: r.methods.join(' + '), note: r.note, amount: r.amount, year: r.year, evidence: r.evidence.map((e: any) => ({ file: e.document.file, table: e.table, line: e.line, text: e.text })) }));
        return { year: r.year, department: r.department.name, unit: r.unit?.name ?? '', project: name, amount: r.amount, method: r.methods.join(' + '), evidence: r.evidence.map((e: any) => `${e.document.file}:${e.line}`).join(' ') };
      });
      return { title: `Projects feeding ${v.code}`, columns: ['year', 'department', 'unit', 'project', 'amount', 'method', 'evidence'], rows, nodes, edges };
    },
  },
  {
    id: 'lineage',
    title: 'Funding lineage of a project',
    inputs: [{ name: 'project', label: 'Project (part of name)', value: '', placeholder: 'a project name' }],
    async run(v) {
      const found = await gql<{ projects: { nodes: { id: string; name: string }[] } }>(`query($n: String) { projects(filter: {name: $n}, first: 1) { nodes { id name } } }`, { n: v.project });
      const project = found.projects.nodes[0];
      if (!project) throw new Error(`No project named like "${v.project}"`);
      const data = await gql<{ lineage: { identityRule: string; steps: any[] } }>(
        `query($id: ID!) { lineage(projectId: $id) { identityRule steps { year kind name code amount executed detail method source { document { file } table line text } } } }`,
        { id: project.id },
      );
      const pid: string = project.id;
      const nodes = [node(pid, 'Project', project.name, { identityRule: data.lineage.identityRule })];
      const edges: GraphEdge[] = [];
      // The money's chain runs funding → department → unit (→ parent project) → project; what the
      // project is booked under, reported by and evaluated with hangs off the project.
      const CHAIN = new Set(['FUNDING', 'DEPARTMENT', 'UNIT', 'PARENT_PROJECT']);
      let previous: string | null = null;
      // Indicators are many and alike: one node with their count stands for them (double-click expands it).
      const indicators: GraphNode[] = [];
      const rows = data.lineage.steps.map((s, i) => {
        const sid = s.kind === 'PROJECT' ? pid : `Step:${project.id}|${i}`;
        const source = s.source ? { documentId: s.source.document.file, table: s.source.table, line: s.source.line, text: s.source.text } : null;
        if (s.kind === 'INDICATOR') indicators.push(node(sid, 'Indicator', `${s.kind}: ${s.name}`, { year: s.year, detail: s.detail, source }));
        else if (s.kind !== 'PROJECT') nodes.push(node(sid, s.kind === 'FUNCTION_CODE' ? 'FunctionCode' : s.kind === 'INVESTMENT_PROJECT' ? 'InvestmentProject' : s.kind === 'SELF_EVALUATION' ? 'SelfEvaluation' : 'Step', `${s.kind}: ${s.name}`, { year: s.year, amount: s.amount, executed: s.executed, detail: s.detail, method: s.method, source }));
        if (s.kind === 'FUNDING' && previous === pid) previous = null; // another year's chain
        if (CHAIN.has(s.kind) || s.kind === 'PROJECT') {
          if (previous && previous !== sid) edges.push(edge(previous, sid, s.kind, { method: s.method }));
          previous = sid;
        } else if (s.kind !== 'INDICATOR') edges.push(edge(pid, sid, s.kind, { method: s.method }));
        return { year: s.year, step: s.kind, name: s.name, code: s.code, amount: s.amount, executed: s.executed, detail: s.detail, method: s.method, line: s.source ? `${s.source.document.file}:${s.source.line}` : '' };
      });
      if (indicators.length) {
        const group = node(`Step:${project.id}|indicators`, 'Indicator', `${indicators.length} indicators (double-click to expand)`, { members: indicators.map((n) => n.id) });
        (group as GraphNode & { members?: GraphNode[] }).members = indicators;
        nodes.push(group);
        edges.push(edge(pid, group.id, 'MEASURED_BY'));
      }
      return { title: `Lineage of ${project.name}`, columns: ['year', 'step', 'name', 'code', 'amount', 'executed', 'detail', 'method', 'line'], rows, nodes, edges, layeredFrom: pid };
    },
  },
  {
    id: 'plan-vs-actual',
    title: 'Plan against actual of a department’s projects',
    inputs: [
      { name: 'department', label: 'Department (part of name)', value: '', placeholder: 'blank = every department' },
      { name: 'year', label: 'Year', value: '', placeholder: 'blank = every year' },
    ],
    async run(v) {
      const data = await gql<{ projects: { totalCount: number; nodes: any[] }; departments: { id: string; name: string }[] }>(
        `query($dep: String, $year: Int) {
          departments(name: $dep) { id name }
          projects(filter: {department: $dep, year: $year}, first: 100) { totalCount nodes { id name allocations { year amount executed executionRate source { document { file } line } } } } }`,
        { dep: v.department || null, year: v.year ? Number(v.year) : null },
      );
      const dep = data.departments[0];
      const depId: string | null = dep ? dep.id : null;
      const nodes: GraphNode[] = dep ? [node(depId!, 'Department', dep.name)] : [];
      const edges: GraphEdge[] = [];
      const rows = data.projects.nodes.flatMap((p) =>
        p.allocations
          .filter((a: any) => !v.year || a.year === Number(v.year))
          .map((a: any) => {
            nodes.push(node(p.id, 'Project', p.name, { amount: a.amount, executed: a.executed, executionRate: a.executionRate }));
            if (depId) edges.push(edge(depId, p.id, 'RUNS'));
            return { year: a.year, project: p.name, planned: a.amount, executed: a.executed, rate: a.executionRate, line: `${a.source.document.file}:${a.source.line}` };
          }),
      );
      return { title: `Plan against actual: ${dep?.name ?? v.department} ${v.year}`, columns: ['year', 'project', 'planned', 'executed', 'rate', 'line'], rows, nodes, edges };
    },
  },
  {
    id: 'anomalies',
    title: 'A document’s anomalies',
    inputs: [{ name: 'document', label: 'Document id or file', value: '', placeholder: 'a document id' }],
    async run(v) {
      const data = await gql<{ anomalies: { nodes: any[] }; documents: { nodes: { id: string; title: string }[] } }>(
        `query($doc: String) {
          documents(filter: {file: $doc}, first: 1) { nodes { id title } }
          anomalies(filter: {document: $doc}, first: 100) { nodes { id kind severity delta message sources { table line text } } } }`,
        { doc: v.document },
      );
      const doc = data.documents.nodes[0];
      const docId: string | null = doc ? doc.id : null;
      const nodes: GraphNode[] = doc ? [node(docId!, 'Document', doc.title)] : [];
      const edges: GraphEdge[] = [];
      const rows = data.anomalies.nodes.map((a) => {
        nodes.push(node(a.id, 'Anomaly', a.kind, { kind: a.kind, severity: a.severity, delta: a.delta, message: a.message, source: a.sources[0] ? { documentId: doc?.id, ...a.sources[0] } : null }, 1));
        if (docId) edges.push(edge(a.id, docId, 'IN_DOCUMENT'));
        return { kind: a.kind, severity: a.severity, delta: a.delta, message: a.message, lines: a.sources.map((s: any) => s.line).join(' ') };
      });
      return { title: `Anomalies of ${doc?.title ?? v.document}`, columns: ['kind', 'severity', 'delta', 'message', 'lines'], rows, nodes, edges };
    },
  },
];
