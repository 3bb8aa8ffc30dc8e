// A lean production install (#42 item 7): `dependencies` is exactly what the server and its
// install-time build import (the explorer's libraries, Vite and tsx are devDependencies: a
// production install serves the API, and the pages come from a build with dev dependencies), no
// devDependency is unused, and every install script in the tree is approved or denied in
// allowScripts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean; dev?: boolean }> };

function files(dir: string, pattern: RegExp, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'results', 'target'].includes(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, pattern, out);
    else if (pattern.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

/** Packages a file imports for their values (import … from, import 'x', import(), require()); `import type` does not count. */
function valueImports(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^'.][^']*)'/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/(?:import|require)\(\s*'([^'.][^']*)'\s*\)/g)].map((m) => m[1]!),
  ];
  return new Set(specs.filter((s) => !s.startsWith('node:')).map(packageOf));
}

const union = (sets: Iterable<Set<string>>) => new Set([...sets].flatMap((s) => [...s]));

describe('a lean production install', () => {
  it('dependencies are exactly what the server and its install-time build import (before: tsx, Vite, React, GraphiQL, cytoscape, d3 too)', () => {
    const runtime = union([
      ...files(join(projectRoot, 'src'), /\.ts$/).map(valueImports),
      ...files(join(projectRoot, 'loaders'), /\.ts$/).map(valueImports),
      // What `npm install` / `npm start` run besides the server; build-web.mjs's Vite is optional
      // (a production install builds no pages).
      ...['postinstall.mjs', 'prepare-run.mjs', 'build-server.mjs', 'build-launcher.mjs'].map((f) => valueImports(join(projectRoot, 'scripts', f))),
    ]);
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...runtime].sort());
  });

  it("the explorer's libraries and Vite are devDependencies", () => {
    const web = union([...files(join(projectRoot, 'web', 'src'), /\.(ts|tsx)$/), join(projectRoot, 'web', 'vite.config.ts')].map(valueImports));
    expect(web.size).toBeGreaterThan(5);
    for (const name of [...web, 'vite', 'tsx']) expect({ name, dev: name in pkg.devDependencies, runtime: name in pkg.dependencies }).toEqual({ name, dev: true, runtime: false });
  });

  it('no devDependency is unused (before: @graphql-codegen/typescript)', () => {
    const imported = union(
      ['src', 'loaders', 'scripts', 'tests', 'bench', 'web', 'docs'].flatMap((d) => files(join(projectRoot, d), /\.(ts|tsx|mts|mjs)$/)).concat(['vitest.config.ts', 'eslint.config.mjs'].map((f) => join(projectRoot, f))).map(valueImports),
    );
    // JSX (web/tsconfig.json: react-jsx) imports react/jsx-runtime in every .tsx file.
    if (files(join(projectRoot, 'web'), /\.tsx$/).length) imported.add('react');
    const scripts = Object.values(pkg.scripts).join(' ');
    const binsOf = (name: string): string[] => {
      const bin = (JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> }).bin;
      return typeof bin === 'string' ? [name.replace(/^@[^/]+\//, '')] : Object.keys(bin ?? {});
    };
    const codegenPlugins = [...readFileSync(join(projectRoot, 'docs', 'codegen.ts'), 'utf8').matchAll(/plugins:\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/'([^']+)'/g)].map((p) => `@graphql-codegen/${p[1]}`));
    const used = (name: string): boolean =>
      imported.has(name) ||
      codegenPlugins.includes(name) ||
      binsOf(name).some((bin) => new RegExp(`(^|[\\s&;])${bin}(\\s|$)`).test(scripts)) ||
      (name.startsWith('@types/') && (name === '@types/node' || used(name.slice('@types/'.length))));
    expect(Object.keys(pkg.devDependencies).filter((name) => !used(name))).toEqual([]);
  });

  it('every install script in the tree is approved or denied in allowScripts (npm warns of each one that is not)', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => typeof pkg.allowScripts?.[name] !== 'boolean')).toEqual([]);
    // Only the ones that do something a production install needs run: esbuild checks its binary.
    expect(Object.entries(pkg.allowScripts ?? {}).filter(([, allowed]) => allowed).map(([name]) => name)).toEqual(['esbuild']);
  });
});
