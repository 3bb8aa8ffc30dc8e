// Every id of the graph is built and taken apart here, nowhere else. Ids are readable on purpose
// (an investigator can tell from "000_5c68…|L12" which document and line a fact is), so their
// parts are joined with "|" and a fact's kind is a short tag before its index.

import { CODE_SCHEMES } from './codes.js';

const SEP = '|';

/** The tag of each fact kind in "<document id>|<tag><index>". */
export const FACT_TAGS = {
  BudgetLine: 'L',
  InvestmentProject: 'IP',
  Indicator: 'I',
  SelfEvaluation: 'E',
  ThreeCosts: 'T',
  TableTotal: 'TT',
  Figure: 'F',
  ProseAmount: 'PA',
  Payment: 'P',
  Anomaly: 'A',
} as const;
export type FactKind = keyof typeof FACT_TAGS;

/** A fact's id: the document, then the kind's tag and the fact's index in the parse. */
export function factId(documentId: string, kind: FactKind, index: number | string): string {
  return `${documentId}${SEP}${FACT_TAGS[kind]}${index}`;
}

/**
 * Project // 项目: department id + the unit's key + normalised name (the caller normalises). The
 * unit is the 预算单位 a table prints the project under (or the unit a 单位预算 is of); a project
 * printed for the department as a whole has the empty key ("部门||名称"): it is not any unit's,
 * and not merged into one by its name (same-as.ts says where the names agree).
 */
export function projectId(departmentId: string, unitKey: string, normName: string): string {
  return `${departmentId}${SEP}${unitKey}${SEP}${normName}`;
}

/** The department, unit key ('' for the department as a whole) and normalised name of a project id. */
export function projectIdParts(id: string): { departmentId: string; unitKey: string; normName: string } {
  const [departmentId = id, unitKey = '', ...name] = id.split(SEP);
  return { departmentId, unitKey, normName: name.join(SEP) };
}

/** BudgetUnit // 预算单位: department id + the unit's own id ("本级" for the department's own). */
export const SELF_UNIT = '本级';
export function unitId(departmentId: string, unitKey: string): string {
  return `${departmentId}${SEP}${unitKey}`;
}

/** The unit's own key inside its id ("本级", "某中心"). */
export function unitKeyOf(id: string): string {
  return id.slice(id.indexOf(SEP) + 1);
}

/** The department a unit id belongs to. */
export function departmentOfUnit(id: string): string {
  return firstPart(id);
}

/** The part of an id before its first separator (the whole id when it has none): split(SEP)[0]. */
function firstPart(id: string): string {
  const at = id.indexOf(SEP);
  return at < 0 ? id : id.slice(0, at);
}

/**
 * The document id a file name stands for: the name without its extension, as the load names a
 * document (src/load/plan.ts). A lookup by file name checks the document's file is that name.
 */
export function documentIdOfFile(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

/** ProjectAllocation: the document and project; "#2", "#3" … for the same project's other rows. */
export function allocationId(documentId: string, projectId: string, slot = 0): string {
  return `${documentId}${SEP}${projectId}${slot === 0 ? '' : `#${slot + 1}`}`;
}

/** The document an allocation (or a listing of it) belongs to. */
export function documentOfAllocation(id: string): string {
  return firstPart(id);
}

/** The project name part of an allocation id, for logs. */
export function allocationLabel(id: string): string {
  // After the last separator (the whole id when it has none): split(SEP).pop().
  return id.slice(id.lastIndexOf(SEP) + 1);
}

/** ProjectListing: one place the document lists the allocation's project. */
export function listingId(allocationId: string, index: number): string {
  return `${allocationId}${SEP}${index}`;
}

/** The DataLoader key of a document's lines in one scheme (cypher/lines-by-document.cypher splits it). */
export function documentSchemeKey(documentId: string, scheme: string): string {
  return `${documentId}${SEP}${scheme}`;
}

/** A code's name in one year, as Code.namesByYear stores it: "2024:信息事务". */
export function yearName(year: number | null, name: string): string {
  return `${year}:${name}`;
}

export function parseYearName(s: string): { year: number; name: string } {
  const at = s.indexOf(':');
  return { year: Number(s.slice(0, at)), name: s.slice(at + 1) };
}

/**
 * The API's global id, "<__typename>:<key>": what Node.id, search, neighbours and the explorer all
 * use, so a client that keys its cache by __typename + id (Relay, Apollo) sees one name for one
 * thing and `... on <Kind>` matches the kind the id says. A classification code is served as
 * ClassificationCode and its key already names its scheme: "ClassificationCode:FunctionCode:2010504".
 */
export function globalId(typename: string, key: string): string {
  return `${typename}:${key}`;
}

/** The GraphQL type every classification code is served as (FunctionCode, EconomicCode, ProcurementItem). */
export const CODE_TYPENAME = 'ClassificationCode';

/** A classification code's global id from its key ("FunctionCode:2010504"). */
export function codeGlobalId(codeKey: string): string {
  return globalId(CODE_TYPENAME, codeKey);
}

const CODE_LABELS: readonly string[] = Object.values(CODE_SCHEMES).map((s) => s.label);
/** "<Kind>:<key>": both groups take part in every match. */
const GLOBAL_ID = /^([A-Z][A-Za-z]+):(.+)$/s;

/**
 * "<Kind>:<key>" → the model kind and its key, or null when the text has no "<Kind>:" prefix. A
 * code's id gives its scheme's kind and the bare code: "ClassificationCode:FunctionCode:2010504"
 * and the older "FunctionCode:2010504" (still taken as input) both → FunctionCode, "2010504".
 */
export function splitGlobalId(id: string): { kind: string; key: string } | null {
  const [, kind, key] = GLOBAL_ID.exec(id) ?? [];
  if (kind === undefined || key === undefined) return null;
  if (kind !== CODE_TYPENAME) return { kind, key };
  const [, codeKind, code] = GLOBAL_ID.exec(key) ?? [];
  return codeKind !== undefined && code !== undefined && CODE_LABELS.includes(codeKind) ? { kind: codeKind, key: code } : null;
}

/**
 * The key inside a kind from what a client passes: a global id of that kind ("Project:…") or
 * the bare key older clients and the ingest report print. Any other kind's global id is
 * returned whole, so it matches nothing rather than something else.
 */
export function keyOf(kind: string, id: string): string {
  return id.startsWith(`${kind}:`) ? id.slice(kind.length + 1) : id;
}

/** CodeFeed: a counted link, the owner (allocation or investment project) and the code's key. */
export function codeFeedKey(ownerId: string, codeKey: string): string {
  return `${ownerId}${SEP}${codeKey}`;
}

export function codeFeedKeyParts(key: string): { ownerId: string; codeKey: string } {
  const at = key.lastIndexOf(SEP);
  return at < 0 ? { ownerId: key, codeKey: '' } : { ownerId: key.slice(0, at), codeKey: key.slice(at + 1) };
}
