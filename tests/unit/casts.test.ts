// Casts to a documented handful (#40 item 5): a type assertion (`x as T`, `<T>x`) or a non-null
// assertion (`x!`) tells the compiler to trust the writer instead of checking. This test counts them
// in src/ per folder with the TypeScript compiler's own parser (not a regex: `!==`, `as const`,
// `import { a as b }` and strings are not assertions) and holds each folder to a ceiling that only
// goes down: lower a CEILING when you remove some. Every type assertion that remains says why in a
// comment on its line or the line above; those that do not are counted against their own ceiling.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

/** Type assertions (`as T`, `<T>x`; not `as const`) per folder of src/ when last counted. Only ever lower them. */
const AS_CEILING: Record<string, number> = {
  api: 2,
  cli: 1,
  db: 0,
  load: 4,
  model: 0,
  parse: 0,
  query: 7,
  source: 0,
  '.': 1,
};
/** Non-null assertions (`x!`) per folder of src/ when last counted. Only ever lower them. */
const NON_NULL_CEILING: Record<string, number> = {
  api: 29,
  cli: 0,
  db: 0,
  load: 70,
  model: 0,
  parse: 0,
  query: 4,
  source: 62,
  '.': 4,
};
/** Type assertions in src/ without a comment on their line or the line above saying why. Only ever lower it. */
const UNEXPLAINED_CEILING = 0;

export interface Assertion {
  kind: 'as' | 'non-null';
  line: number;
  text: string;
  explained: boolean;
}

/** The type assertions and non-null assertions of one TypeScript source text. */
export function assertionsIn(text: string, fileName = 'file.ts'): Assertion[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Assertion[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  // Lines that hold (part of) a comment: the comment ranges in the trivia before and after every
  // token of the parsed tree (a `//` in a string is no comment). A bare scanner cannot be used: it
  // does not rescan a template literal's tail, so after `${x}` it mistakes code for text and back.
  const commented = new Set<number>();
  const mark = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      const first = source.getLineAndCharacterOfPosition(r.pos).line;
      const last = source.getLineAndCharacterOfPosition(r.end).line;
      for (let l = first; l <= last; l++) commented.add(l);
    }
  };
  const collect = (node: ts.Node): void => {
    mark(ts.getLeadingCommentRanges(text, node.getFullStart()));
    mark(ts.getTrailingCommentRanges(text, node.getEnd()));
    for (const child of node.getChildren(source)) collect(child);
  };
  collect(source);
  const hasComment = (line: number) => commented.has(line) || commented.has(line - 1);
  const visit = (node: ts.Node): void => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const isConst = ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === 'const';
      // `x as unknown as T` is one assertion written in two steps: count the outer one only.
      const inner = ts.isAsExpression(node) && ts.isAsExpression(node.expression) && node.expression.type.kind === ts.SyntaxKind.UnknownKeyword;
      if (!isConst) {
        // The assertion's own line: where `as` is written (the expression may span lines).
        const line = ts.isAsExpression(node) ? source.getLineAndCharacterOfPosition(node.type.getStart(source)).line : lineOf(node);
        found.push({ kind: 'as', line: line + 1, text: node.getText(source).replace(/\s+/g, ' ').slice(-80), explained: hasComment(line) });
      }
      if (inner) {
        visit((node.expression as ts.AsExpression).expression);
        visit(node.type);
        return;
      }
    } else if (ts.isNonNullExpression(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ kind: 'non-null', line: line + 1, text: node.getText(source).replace(/\s+/g, ' ').slice(-80), explained: hasComment(line) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** The folder of src/ a file counts against: its first directory, or '.' for files directly in src/. */
const folderOf = (file: string) => {
  const parts = relative(join(projectRoot, 'src'), file).split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : '.';
};

describe('casts to a documented handful', () => {
  const files = filesUnder(join(projectRoot, 'src')).map((path) => ({
    file: relative(projectRoot, path),
    folder: folderOf(path),
    found: assertionsIn(readFileSync(path, 'utf8'), path),
  }));
  const count = (kind: Assertion['kind']) => {
    const perFolder: Record<string, number> = {};
    for (const { folder, found } of files) perFolder[folder] = (perFolder[folder] ?? 0) + found.filter((a) => a.kind === kind).length;
    return perFolder;
  };
  const perFile = (kind: Assertion['kind'], folder: string) =>
    files
      .filter((f) => f.folder === folder)
      .map((f) => [f.file, f.found.filter((a) => a.kind === kind)] as const)
      .filter(([, list]) => list.length > 0)
      .sort((a, b) => b[1].length - a[1].length)
      .map(([file, list]) => `${list.length} ${file}`)
      .join('\n');
  const folders = [...new Set([...files.map((f) => f.folder), ...Object.keys(AS_CEILING), ...Object.keys(NON_NULL_CEILING)])].sort();

  it('prints the counts per folder', () => {
    const as = count('as');
    const nonNull = count('non-null');
    const table = folders.map((f) => `${f.padEnd(8)} as ${String(as[f] ?? 0).padStart(3)}  ! ${String(nonNull[f] ?? 0).padStart(3)}`);
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    console.log(`type assertions / non-null assertions in src/\n${table.join('\n')}\ntotal    as ${total(as)}  ! ${total(nonNull)}`);
  });

  for (const folder of folders) {
    it(`src/${folder === '.' ? '' : folder + '/'} has at most ${AS_CEILING[folder] ?? 0} type assertions and ${NON_NULL_CEILING[folder] ?? 0} non-null assertions (the ceilings only go down)`, () => {
      expect(count('as')[folder] ?? 0, perFile('as', folder)).toBeLessThanOrEqual(AS_CEILING[folder] ?? 0);
      expect(count('non-null')[folder] ?? 0, perFile('non-null', folder)).toBeLessThanOrEqual(NON_NULL_CEILING[folder] ?? 0);
    });
  }

  it(`has at most ${UNEXPLAINED_CEILING} type assertions without a comment saying why (the ceiling only goes down)`, () => {
    const unexplained = files.flatMap(({ file, found }) => found.filter((a) => a.kind === 'as' && !a.explained).map((a) => `${file}:${a.line} ${a.text}`));
    expect(unexplained.length, unexplained.join('\n')).toBeLessThanOrEqual(UNEXPLAINED_CEILING);
  });

  it('finds the assertions it counts, and only those', () => {
    const text = [
      "import { a as b } from 'x';",
      'export { b as c };',
      'const k = [1, 2] as const;',
      'const s = "x as Y; y!.z";',
      'if (a !== b && c != d && !e) f(g as number);',
      'const h = i as unknown as Map<string, number>;',
      'const j = <string>k;',
      'const l = m!.n + o![0]! + p(q!, r!);',
      '// why: the library declares it any',
      'const t = u as string;',
      'const v = `${w}`;',
      '// why: after a template literal too',
      'const x = y as string;',
    ].join('\n');
    const found = assertionsIn(text);
    expect(found.filter((a) => a.kind === 'as').map((a) => a.line)).toEqual([5, 6, 7, 10, 13]);
    expect(found.filter((a) => a.kind === 'non-null')).toHaveLength(5);
    expect(found.filter((a) => a.kind === 'as' && a.explained).map((a) => a.line)).toEqual([10, 13]);
  });
});
