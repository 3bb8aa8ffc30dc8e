// Bulk export: any list the API answers, as CSV or NDJSON, streamed row by row and not capped at a
// page. GET or POST /export with a read query of one root field; the rows are the list that query
// selects (a connection's nodes across all its pages, or a plain list such as aggregate's cells
// or a document's figures). Each page is an ordinary GraphQL operation (same limits, same
// resolvers), so the export answers exactly what the API answers. Rows that have a `source` get
// provenance columns (document file, table, line, page and box) even when the query did not ask
// for them.
import {
  Kind,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isInterfaceType,
  isObjectType,
  parse,
  print,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { csvCell, csvRecord } from '../csv.js';
import { BudgetGraphError } from '../errors.js';
import { MAX_PAGE } from './pagination.js';
import { isProps, type Props } from '../query/props.js';

// The cells are written by the one CSV writer (src/csv.ts: RFC 4180 quoting, the formula guard).
export { csvCell };

export type ExportFormat = 'csv' | 'ndjson';

export interface ExportRequest {
  query: string;
  variables: Record<string, unknown>;
  format: ExportFormat;
  /** Rows per page when paging a connection (1–100, default 100). */
  pageSize: number;
}

/** What one export runs: the operation (paged or not) and how its rows become columns. */
export interface ExportPlan {
  /** Produces the operation text for a page: `after` null for the first. */
  operation(after: string | null): string;
  paged: boolean;
  /** Response path to the list of rows (data.<root>.<…>), and for connections where pageInfo is. */
  rowsPath: string[];
  pageInfoPath: string[] | null;
  columns: Column[];
}

/**
 * One CSV column: a leaf field at `path`. When the path crosses a list (a row's evidence, a
 * list of scalars), the cell holds the list's items in order joined by LIST_SEPARATOR, and
 * sibling columns of one list (evidence.table, evidence.line) line up item by item.
 */
interface Column {
  name: string;
  path: string[];
  list: boolean;
}

/** Joins a list's items in one CSV cell; inside an item, "\" and ";" are escaped as "\\" and "\;". */
export const LIST_SEPARATOR = '; ';

const bad = (message: string) => new BudgetGraphError('BAD_USER_INPUT', message, { argument: 'query' });

const unwrap = (t: GraphQLOutputType): { named: ReturnType<typeof getNamedType>; list: boolean } => {
  const inner = isNonNullType(t) ? t.ofType : t;
  return { named: getNamedType(t), list: isListType(inner) };
};

const field = (name: string, selections: FieldNode[] = [], args: FieldNode['arguments'] = []): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  arguments: args,
  selectionSet: selections.length ? { kind: Kind.SELECTION_SET, selections } : undefined,
});

function fieldsOf(set: SelectionSetNode | undefined): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(s.selectionSet);
    throw bad('Export queries cannot use named fragments; write the fields out.');
  });
}

/**
 * The provenance every sourced row carries: file, table, line, and for a PDF its page, the row's
 * box (Box: points from the page's top-left corner), OCR's confidence where OCR read it, and the
 * cells the fact read (each cell's position, text, box and confidence: one list column each).
 */
const BOX = ['x0', 'y0', 'x1', 'y1'];
const PROVENANCE = field('source', [field('document', [field('file')]), field('table'), field('line'), field('page'), field('box', BOX.map((n) => field(n))), field('ocrConfidence'), field('cells', ['index', 'text', ...BOX, 'ocrConfidence'].map((n) => field(n)))]);

function withProvenance(set: SelectionSetNode, type: GraphQLObjectType | GraphQLInterfaceType): SelectionSetNode {
  const hasSource = type.getFields().source && isObjectType(getNamedType(type.getFields().source!.type));
  if (!hasSource || fieldsOf(set).some((f) => f.name.value === 'source' && !f.alias)) return set;
  return { ...set, selections: [...set.selections, PROVENANCE] };
}

function columnsOf(set: SelectionSetNode | undefined, type: GraphQLObjectType | GraphQLInterfaceType, prefix: string[], inList = false): Column[] {
  return fieldsOf(set).flatMap((f) => {
    const key = f.alias?.value ?? f.name.value;
    if (f.name.value === '__typename') return [{ name: [...prefix, key].join('.'), path: [...prefix, key], list: inList }];
    const def: GraphQLField<unknown, unknown> | undefined = type.getFields()[f.name.value];
    if (!def) return [];
    const { named, list } = unwrap(def.type);
    const path = [...prefix, key];
    if (isLeafType(named)) return [{ name: path.join('.'), path, list: inList || list }];
    // A list of objects becomes one column per field it selects (never JSON in a cell).
    if (isObjectType(named) || isInterfaceType(named)) return columnsOf(f.selectionSet, named, path, inList || list);
    throw bad(`${path.join('.')} is a union: select its fields in the export query's rows through an object type.`);
  });
}

/**
 * Reads the export query: one operation, one root field, and below it either a connection
 * (paged here) or exactly one list of objects on the way down.
 */
export function planExport(schema: GraphQLSchema, request: ExportRequest): ExportPlan {
  let doc: DocumentNode;
  try {
    doc = parse(request.query, { maxTokens: 5_000 });
  } catch (err) {
    throw bad(`The export query does not parse: ${err instanceof Error ? err.message : String(err)}`);
  }
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.length !== 1 || doc.definitions.length !== 1) throw bad('Send one query operation (no fragments) to export.');
  const op = ops[0]!;
  if (op.operation !== 'query') throw bad('Only queries can be exported.');
  const roots = fieldsOf(op.selectionSet);
  if (roots.length !== 1) throw bad('An export query selects one root field, e.g. { projects(filter: …) { nodes { name amount } } }.');
  const root = roots[0]!;
  const rootDef = schema.getQueryType()!.getFields()[root.name.value];
  if (!rootDef) throw bad(`Query has no field ${root.name.value}.`);
  const rootKey = root.alias?.value ?? root.name.value;
  const rootType = unwrap(rootDef.type);

  // A connection: page through it, taking rows from nodes (or edges.node).
  if (isObjectType(rootType.named) && rootType.named.name.endsWith('Connection') && rootDef.args.some((a) => a.name === 'after')) {
    if (root.arguments?.some((a) => a.name.value === 'after' || a.name.value === 'before' || a.name.value === 'last')) throw bad('An export pages by itself: leave out after, before and last.');
    const conn = rootType.named;
    const nodesField = fieldsOf(root.selectionSet).find((f) => f.name.value === 'nodes' && !f.alias);
    const edgesField = fieldsOf(root.selectionSet).find((f) => f.name.value === 'edges' && !f.alias);
    const nodeSet = nodesField?.selectionSet ?? fieldsOf(edgesField?.selectionSet).find((f) => f.name.value === 'node')?.selectionSet;
    if (!nodeSet) throw bad(`Select the rows as ${root.name.value} { nodes { … } }.`);
    const nodeType = getNamedType(conn.getFields().nodes?.type);
    if (!isObjectType(nodeType) && !isInterfaceType(nodeType)) throw bad(`${root.name.value} has no nodes of an object type to export.`);
    const rowSet = withProvenance(nodeSet, nodeType);
    const columns = columnsOf(rowSet, nodeType, []);
    const otherArgs = (root.arguments ?? []).filter((a) => a.name.value !== 'first');
    return {
      paged: true,
      rowsPath: [rootKey, 'nodes'],
      pageInfoPath: [rootKey, 'pageInfo'],
      columns,
      operation(after) {
        const args: ArgumentNode[] = [
          ...otherArgs,
          argument('first', { kind: Kind.INT, value: String(request.pageSize) }),
          ...(after ? [argument('after', { kind: Kind.STRING, value: after })] : []),
        ];
        const selections = [
          { ...field('nodes'), selectionSet: rowSet },
          field('pageInfo', [field('hasNextPage'), field('endCursor')]),
        ];
        const pagedRoot: FieldNode = { ...root, arguments: args, selectionSet: { kind: Kind.SELECTION_SET, selections } };
        return print({ ...doc, definitions: [{ ...op, selectionSet: { kind: Kind.SELECTION_SET, selections: [pagedRoot] } }] });
      },
    };
  }

  // Otherwise: follow the one object field at each level down to the first list of objects.
  const path = [rootKey];
  let node: FieldNode = root;
  let def = rootDef;
  let rebuilt: (inner: SelectionSetNode) => FieldNode = (inner) => ({ ...root, selectionSet: inner });
  for (let depth = 0; depth < 8; depth++) {
    const { named, list } = unwrap(def.type);
    if (!isObjectType(named)) throw bad('The export query selects no list of rows.');
    if (list) {
      const rowSet = withProvenance(node.selectionSet!, named);
      const columns = columnsOf(rowSet, named, []);
      const finalRoot = rebuilt(rowSet);
      const text = print({ ...doc, definitions: [{ ...op, selectionSet: { kind: Kind.SELECTION_SET, selections: [finalRoot] } }] });
      return { paged: false, rowsPath: path, pageInfoPath: null, columns, operation: () => text };
    }
    const objectFields = fieldsOf(node.selectionSet).filter((f) => {
      const d = named.getFields()[f.name.value];
      return d && !isLeafType(getNamedType(d.type));
    });
    if (objectFields.length !== 1) throw bad(`Below ${path.join('.')}, select exactly one list to export (found ${objectFields.length} object fields).`);
    const next = objectFields[0]!;
    const parentNode = node;
    const parentRebuilt = rebuilt;
    rebuilt = (inner) => parentRebuilt({ ...parentNode.selectionSet!, selections: parentNode.selectionSet!.selections.map((s) => (s === next ? { ...next, selectionSet: inner } : s)) });
    path.push(next.alias?.value ?? next.name.value);
    def = named.getFields()[next.name.value]!;
    node = next;
  }
  throw bad('The export query nests too deep before its list.');
}

const argument = (name: string, value: ValueNode): ArgumentNode => ({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value });

/** The rows at a response path: lists along the way are flattened. */
export function rowsAt(data: unknown, path: string[]): Record<string, unknown>[] {
  let values: unknown[] = [data];
  for (const key of path) {
    values = values.flatMap((v) => (v && typeof v === 'object' ? [fieldOf(v, key)] : [])).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== null && v !== undefined);
  }
  return values.filter(isProps);
}

/** A response object's field (GraphQL results are plain objects: Reflect.get reads one without a cast). */
function fieldOf(v: object, key: string): unknown {
  return Reflect.get(v, key);
}

/** Every value at a path, through the lists on the way (in order; null items kept). */
function valuesAt(v: unknown, path: string[]): unknown[] {
  if (Array.isArray(v)) return v.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return [v];
  return v && typeof v === 'object' ? valuesAt(fieldOf(v, path[0]!), path.slice(1)) : [];
}

const listItem = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).replace(/\\/g, '\\\\').replace(/;/g, '\\;');

function valueAt(row: Record<string, unknown>, path: string[]): unknown {
  let v: unknown = row;
  for (const key of path) v = v && typeof v === 'object' ? fieldOf(v, key) : undefined;
  return v;
}

export function csvHeader(columns: Column[]): string {
  return csvRecord(columns.map((c) => c.name));
}

export function csvRow(columns: Column[], row: Record<string, unknown>): string {
  return csvRecord(columns.map((c) => (c.list ? valuesAt(row, c.path).map(listItem).join(LIST_SEPARATOR) : valueAt(row, c.path))));
}

export function ndjsonRow(row: Record<string, unknown>): string {
  return `${JSON.stringify(row)}\n`;
}

/** Reads /export's parameters from the query string or a JSON body. */
export function exportRequest(params: URLSearchParams, body: unknown): ExportRequest {
  const b: Props = isProps(body) ? body : {};
  const query = (typeof b.query === 'string' ? b.query : params.get('query')) ?? '';
  if (!query.trim()) throw bad('Pass the GraphQL query to export as `query` (URL parameter or JSON body).');
  let variables: Record<string, unknown> = {};
  const rawVars = b.variables ?? params.get('variables');
  if (typeof rawVars === 'string' && rawVars.trim()) {
    try {
      variables = jsonObject(rawVars);
    } catch {
      throw new BudgetGraphError('BAD_USER_INPUT', '`variables` is not JSON.', { argument: 'variables' });
    }
  } else if (isProps(rawVars)) variables = rawVars;
  const format = String(b.format ?? params.get('format') ?? 'csv');
  if (format !== 'csv' && format !== 'ndjson') throw new BudgetGraphError('BAD_USER_INPUT', 'format is csv or ndjson.', { argument: 'format' });
  const pageSize = Number(b.pageSize ?? params.get('pageSize') ?? MAX_PAGE);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE) throw new BudgetGraphError('BAD_USER_INPUT', `pageSize is 1–${MAX_PAGE}.`, { argument: 'pageSize' });
  return { query, variables, format, pageSize };
}

/** JSON text of an object (`variables`): anything else throws, as text that is no JSON does. */
function jsonObject(text: string): Props {
  const v: unknown = JSON.parse(text);
  if (isProps(v)) return v;
  throw new Error('not a JSON object');
}
