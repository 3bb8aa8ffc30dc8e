// multipart/form-data (RFC 7578), as much as an upload of one document needs: the parts of a
// body read whole (its size is capped before), each with its field name, its file name when it
// is a file, and its bytes. What is not well formed is the client's mistake, said as such.
import { HttpError } from './http/errors.js';

export interface FormPart {
  name: string;
  /** The part's file name (a file field), or null. */
  filename: string | null;
  bytes: Buffer;
}

const malformed = (why: string) => new HttpError(400, 'BAD_USER_INPUT', `The multipart/form-data body cannot be read: ${why}. Send the document as a file field named "file" (curl -F 'file=@budget.pdf').`);

/** The boundary a multipart/form-data content type declares, or null when it is another type. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  if (!m) throw malformed('its content type names no boundary');
  return m[1] ?? m[2]!;
}

/** A header parameter's value (`name="…"`, `filename="…"`), its quotes and escapes undone. */
function parameter(header: string, key: string): string | null {
  const m = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${key}=([^;\\s]+)`, 'i').exec(header);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!;
}

/** The parts of a multipart/form-data body. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw malformed('its boundary is not in it');
  for (;;) {
    at += delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts;
    if (body[at] === 0x0d && body[at + 1] === 0x0a) at += 2;
    else throw malformed('a boundary is not followed by a line break');
    const headersEnd = body.indexOf('\r\n\r\n', at);
    if (headersEnd < 0) throw malformed('a part has no end of headers');
    const headers = body.subarray(at, headersEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd + 4);
    if (next < 0) throw malformed('the closing boundary is missing');
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1];
    if (!disposition || !/^\s*form-data/i.test(disposition)) throw malformed('a part has no Content-Disposition: form-data');
    const name = parameter(disposition, 'name');
    if (name === null) throw malformed('a part has no field name');
    parts.push({ name, filename: parameter(disposition, 'filename'), bytes: body.subarray(headersEnd + 4, next) });
    at = next + 2;
  }
}
