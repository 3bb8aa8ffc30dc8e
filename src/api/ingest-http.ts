// POST /ingest: one document's file — a PDF as published, a web page, Markdown, or its text —
// loaded with the write token, as `npm run load` loads a file (issue #39 item 5). The GraphQL
// `ingest` mutation takes text in a JSON string; a PDF's bytes are no string, and a 1 MB PDF as
// base64 in JSON is a 2 MB query. So the file is the body (`content-type: application/pdf`,
// `text/html`, `text/markdown` or `text/plain`, the name in `?name=`) or the field `file` of a
// multipart/form-data upload (its file name the document's). Same limits, one transaction,
// idempotence by content hash and 409 rules as the mutation (IngestService).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BudgetGraphError, HTTP_STATUS } from '../errors.js';
import { formatError } from './format-error.js';
import { readBodyBytes } from './http/body-limits.js';
import { HttpError } from './http/errors.js';
import { tokenMatches } from './http/request-checks.js';
import { MAX_INGEST_BYTES, isPdf, type IngestService, type LoadReport } from './ingest-service.js';
import { multipartBoundary, parseMultipart } from './multipart.js';

/** A plain file name (no folder) of a kind a source reads (.pdf, .txt, .html, .htm, .md), at most 200 characters. */
const FILE_NAME = /^[^/\\\0]+\.(pdf|txt|html?|md|markdown)$/i;
const MAX_NAME = 200;

/** The body's content types a document is taken as, and the names that say the same kind. */
const TYPES: Record<string, { name: RegExp; kind: string } | null> = {
  'application/pdf': { name: /\.pdf$/i, kind: '.pdf' },
  'text/html': { name: /\.html?$/i, kind: '.html or .htm' },
  'application/xhtml+xml': { name: /\.html?$/i, kind: '.html or .htm' },
  'text/markdown': { name: /\.(md|markdown)$/i, kind: '.md' },
  'text/x-markdown': { name: /\.(md|markdown)$/i, kind: '.md' },
  // Any kind, said by the name.
  'text/plain': null,
  'application/octet-stream': null,
};

export interface IngestUpload {
  name: string;
  bytes: Buffer;
  replace: boolean;
}

const badInput = (message: string, argument: string) => Object.assign(new HttpError(400, 'BAD_USER_INPUT', message), { argument });

const yes = (value: string | null | undefined) => value !== null && value !== undefined && /^(1|true|yes)$/i.test(value.trim());

/** The document a request uploads: its name, its bytes and whether it replaces (checked, not yet read). */
export function uploadOf(contentType: string | undefined, url: URL, body: Buffer): IngestUpload {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let name = url.searchParams.get('name');
  let replace = yes(url.searchParams.get('replace'));
  let bytes: Buffer;
  const boundary = multipartBoundary(contentType);
  if (boundary) {
    const parts = parseMultipart(body, boundary);
    const file = parts.find((p) => p.name === 'file');
    if (!file) throw badInput('The upload has no field named "file"; send the document as -F \'file=@budget.pdf\'.', 'file');
    bytes = file.bytes;
    name ??= parts.find((p) => p.name === 'name')?.bytes.toString('utf8') ?? file.filename;
    replace ||= yes(parts.find((p) => p.name === 'replace')?.bytes.toString('utf8'));
  } else if (Object.hasOwn(TYPES, type)) {
    bytes = body;
  } else {
    throw new HttpError(415, 'BAD_REQUEST', `POST /ingest takes a document as application/pdf, text/html, text/markdown, text/plain (UTF-8) or a multipart/form-data field "file", not "${type.slice(0, 100) || 'no content type'}".`);
  }
  if (!name) throw badInput('Name the document: ?name=2024_某区_预算.pdf (or the uploaded file\'s name).', 'name');
  if (name.length > MAX_NAME || !FILE_NAME.test(name)) throw badInput('name must be a plain file name ending in .pdf, .txt, .html, .htm or .md (no folders), at most 200 characters.', 'name');
  // A web page or Markdown sent as such is named as such: the name is what every report shows.
  const said = multipartBoundary(contentType) ? null : TYPES[type];
  if (said && type !== 'application/pdf' && !said.name.test(name)) throw badInput(`The body is sent as ${type}; name it ${said.kind}, not "${name}".`, 'name');
  // The name says what the file is, everywhere it is shown: a PDF is a .pdf, a text a .txt.
  const pdf = isPdf(bytes);
  if (pdf !== /\.pdf$/i.test(name)) throw badInput(pdf ? `The file is a PDF; name it .pdf, not "${name}".` : `"${name}" is not a PDF (a PDF begins with %PDF-); send the PDF itself, or its text under a .txt name.`, 'name');
  if (type === 'application/pdf' && !pdf) throw badInput('The body is sent as application/pdf but is not a PDF (a PDF begins with %PDF-).', 'file');
  return { name, bytes, replace };
}

/** The load report as /ingest answers it (the mutation's LoadReport, its diagnostics by line). */
export function reportJson(report: LoadReport): Record<string, unknown> {
  return {
    file: report.file,
    status: report.status,
    records: report.records,
    nodesCreated: report.nodesCreated,
    relationshipsCreated: report.relationshipsCreated,
    anomalies: report.plan?.anomalies.length ?? 0,
    ms: report.ms,
    replacedFiles: report.replacedFiles,
    diagnostics: report.diagnostics.map(({ level, code, message, line }) => ({ level, code, message, line })),
  };
}

export interface IngestRoute {
  ingest: IngestService;
  token: string | undefined;
}

/**
 * Handles POST /ingest. The token is checked before the body is read (nobody without it sends
 * 16 MiB to be read); a refusal is answered as GraphQL errors are, `{ errors: [{ message,
 * extensions }] }` with the same codes and status (a bad document: 400 BAD_USER_INPUT, reason
 * BAD_DOCUMENT, its file, page or line, and a cap's `cap` and `limit`).
 */
export async function handleIngest(req: IncomingMessage, res: ServerResponse, url: URL, route: IngestRoute, requestId: string, cut: AbortSignal): Promise<void> {
  if (req.method !== 'POST' && req.method !== 'DELETE') throw new HttpError(405, 'BAD_REQUEST', 'POST /ingest with the document (application/pdf, text/html, text/markdown, text/plain or multipart/form-data), or DELETE /ingest?name=…, with Authorization: Bearer <BUDGET_GRAPH_TOKEN>.');
  if (!route.token) throw new HttpError(401, 'UNAUTHENTICATED', 'Writes are disabled on this server: start it with BUDGET_GRAPH_TOKEN set to enable them.');
  if (!tokenMatches(req.headers.authorization, route.token)) throw new HttpError(401, 'UNAUTHENTICATED', 'Writes need the header "Authorization: Bearer <BUDGET_GRAPH_TOKEN>".');
  let answer: { status: number; json: unknown };
  try {
    if (req.method === 'DELETE') {
      // Removal by name, a PDF's included (as the mutation removeDocument does).
      const name = url.searchParams.get('name');
      if (!name) throw badInput('Name the document to remove: DELETE /ingest?name=….', 'name');
      answer = { status: 200, json: { file: name, removed: await route.ingest.remove(name) } };
    } else {
      const body = (await readBodyBytes(req, MAX_INGEST_BYTES, cut)) ?? Buffer.alloc(0);
      const upload = uploadOf(req.headers['content-type'], url, body);
      const report = await route.ingest.ingestFile(upload.name, upload.bytes, upload.replace);
      answer = { status: 200, json: reportJson(report) };
    }
  } catch (err) {
    if (err instanceof HttpError) {
      answer = { status: err.status, json: { errors: [{ message: err.message, extensions: { code: err.code, ...('argument' in err ? { argument: err.argument } : {}), requestId } }] } };
    } else if (err instanceof BudgetGraphError) {
      // The same message and extensions as the mutation's (format-error.ts).
      const formatted = formatError({ message: err.message }, err);
      answer = { status: HTTP_STATUS[err.code] ?? 400, json: { errors: [{ message: formatted.message, extensions: { ...formatted.extensions, requestId } }] } };
    } else throw err;
  }
  res.statusCode = answer.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  if (answer.status === 503) res.setHeader('retry-after', '5');
  res.end(JSON.stringify(answer.json));
}
