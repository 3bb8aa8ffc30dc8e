// One glossary of the documents' words (#40 item 3): a Chinese pattern a reader keys on lives in
// src/parse/glossary/ (or, for the model's own terms, src/model/), named, with its variants; code
// elsewhere uses the name. This test counts the Chinese regular expressions written anywhere else
// and holds the count to a ceiling that only goes down: lower CEILING when you move patterns out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

/** Where Chinese patterns belong. */
const HOMES = ['src/parse/glossary/', 'src/model/'];
/** Chinese regular expressions outside the homes when last counted. Only ever lower it. */
const CEILING = 0;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

const CJK = /[\u3400-\u9fff\uff08\uff09\u201c\u201d\u3001\u3002\uff1a]/;
/** A regular-expression literal: after a token that cannot end an expression, up to its closing slash and flags. */
const REGEX_LITERAL = /(?<=[(,=:[!&|?{};>]\s*|return\s+|^\s*)\/(?![/*])((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/[dgimsuvy]*/gm;
const REGEXP_CALL = /new RegExp\(\s*(['`])((?:\\.|(?!\1).)*)\1/g;

export function chinesePatterns(text: string): string[] {
  const code = text.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...code.matchAll(REGEX_LITERAL), ...code.matchAll(REGEXP_CALL)].map((m) => m[0]).filter((p) => CJK.test(p));
}

describe('one glossary of the documents\' words', () => {
  const files = filesUnder(join(projectRoot, 'src'))
    .map((f) => relative(projectRoot, f))
    .filter((f) => !HOMES.some((h) => f.startsWith(h)));
  const perFile = files
    .map((f) => [f, chinesePatterns(readFileSync(join(projectRoot, f), 'utf8')).length] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = perFile.reduce((sum, [, n]) => sum + n, 0);

  it(`has at most ${CEILING} Chinese patterns outside the glossary and the model (the ceiling only goes down)`, () => {
    expect(total, perFile.map(([f, n]) => `${n} ${f}`).join('\n')).toBeLessThanOrEqual(CEILING);
  });

  it('finds the patterns it counts (a pattern outside the glossary is seen)', () => {
    expect(chinesePatterns("const x = /^合计$/;\nif (/科目/.test(s)) f(new RegExp('项目' + y));\nconst f = (s) => /小计/.test(s);")).toHaveLength(4);
    expect(chinesePatterns('const a = b / c; // 合计 / 小计\nconst d = e / 2;')).toHaveLength(0);
  });
});
