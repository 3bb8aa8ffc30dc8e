// User search text → a Lucene query for the CJK full-text index, plus a code prefix when the
// text looks like the start of a classification code or 国家编码. Lucene syntax is escaped:
// users type names, not query language.
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function luceneQuery(text: string): { query: string | null; prefix: string | null } {
  const trimmed = text.normalize('NFKC').trim().slice(0, 200);
  const prefix = /^[0-9][0-9-]*$/.test(trimmed) ? trimmed : null;
  // AND / OR / NOT / TO are operators only in upper case; users mean the words.
  const words = trimmed
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (/^(AND|OR|NOT|TO)$/.test(w) ? w.toLowerCase() : w.replace(SPECIAL, (c) => `\\${c}`)));
  return { query: words.length ? words.join(' AND ') : null, prefix };
}
