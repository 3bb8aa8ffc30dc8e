// A web page's bytes → its text, in the encoding the page declares: a byte order mark, else a
// <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…"> in its first 1,024
// bytes (the HTML standard's prescan), else UTF-8. Many Chinese government pages are GB2312 / GBK /
// GB18030; TextDecoder reads these (WHATWG Encoding: gb2312 and gbk are one decoder, GB18030 its
// superset). Bytes that are not valid in the declared encoding are refused with their line: a
// page decoded wrong would give wrong names and numbers without a word.
import { BadDocumentError } from '../../errors.js';

/** How far the standard's prescan looks for a <meta> charset. */
const PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)/i;

export interface DecodedPage {
  text: string;
  /** The encoding the page was read in (TextDecoder's name: utf-8, gbk, gb18030, …). */
  encoding: string;
  /** How it was known: a byte order mark, a <meta> declaration, or UTF-8 by default. */
  declaredBy: 'BOM' | 'META' | 'DEFAULT';
}

function byBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The charset a <meta> of the page's first 1,024 bytes names, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, PRESCAN_BYTES));
  return META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null;
}

export function decodePage(bytes: Uint8Array, file: string): DecodedPage {
  const bom = byBom(bytes);
  const meta = bom ? null : declaredCharset(bytes);
  let label = bom ?? meta ?? 'utf-8';
  // The standard reads a page that declares UTF-16 in ASCII bytes as UTF-8 (it cannot be UTF-16).
  if (!bom && /^utf-?16/.test(label)) label = 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new BadDocumentError(file, 1, `the page declares the charset "${label.slice(0, 40)}", which is no encoding this reader knows; save the page as UTF-8 (or GBK / GB18030) and load it again`);
  }
  try {
    // TextDecoder drops the byte order mark of its own encoding.
    return { text: decoder.decode(bytes), encoding: decoder.encoding, declaredBy: bom ? 'BOM' : meta ? 'META' : 'DEFAULT' };
  } catch {
    const loose = new TextDecoder(decoder.encoding).decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const line = at < 0 ? 1 : loose.slice(0, at).split('\n').length;
    const said = meta ? `declares ${meta}` : bom ? 'opens with a byte order mark' : 'declares no charset (read as UTF-8)';
    throw new BadDocumentError(file, line, `the page ${said} but its bytes are not valid ${decoder.encoding}; declare the charset it is saved in (<meta charset="gbk">) or save it as UTF-8`);
  }
}
