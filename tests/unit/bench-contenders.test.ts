// The API bench asks Budget Graph and its peer (@neo4j/graphql) the same question (#41 item 4):
// the peer is asked with the stored key, not Budget Graph's global id (with the global id it found
// nothing and answered an empty list, fast), an empty answer stops the bench, and every contender
// is asked for the same uncompressed bytes.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpTask } from '../../bench/load-generator.js';
import { answersSomething, benchQueries } from '../../bench/queries.js';

const targets = { code: '2010504', projectId: 'Project:p_1a2b', documentId: 'Document:004_977ad1fe0b13bb92', department: '政务', searchText: '信息' };

describe('the bench asks the peer what it can find', () => {
  it('passes the stored keys, never a global id, to the peer', () => {
    const peerValues = benchQueries(targets).flatMap((q) => Object.values(q.peer?.variables ?? {}));
    expect(peerValues).toContain('004_977ad1fe0b13bb92');
    expect(peerValues).toContain('p_1a2b');
    expect(peerValues.filter((v) => typeof v === 'string' && /^[A-Z][A-Za-z]+:/.test(v))).toEqual([]);
  });

  it('keeps the global ids for Budget Graph', () => {
    const ours = benchQueries(targets).flatMap((q) => Object.values(q.bg.variables));
    expect(ours).toContain('Document:004_977ad1fe0b13bb92');
    expect(ours).toContain('Project:p_1a2b');
  });

  it('takes an answer with an empty top-level list or a null as nothing measured', () => {
    expect(answersSomething({ documents: [] })).toBe(false);
    expect(answersSomething({ document: null })).toBe(false);
    expect(answersSomething(null)).toBe(false);
    expect(answersSomething({ documents: [{ title: 'x' }], functionCodes: [{ code: '2010504' }] })).toBe(true);
    expect(answersSomething({ document: { title: 'x' } })).toBe(true);
  });
});

describe('every contender gets the same request', () => {
  it('asks for an uncompressed answer (the peer cannot compress; Budget Graph would)', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{"ok":true}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await httpTask(`http://127.0.0.1:${port}/graphql`, '{"query":"{ ok }"}')()).toBe(true);
    } finally {
      server.close();
    }
    expect(seen[0]?.['accept-encoding']).toBe('identity');
  });
});
