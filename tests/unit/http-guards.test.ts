// The HTTP layer's guards, given the requests an attacker sends: a foreign Host header, a token of
// the wrong length, variables nested thousands deep, a spreadsheet formula in an export cell.
import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { hostPolicy, nestsDeeperThan, tokenMatches } from '../../src/api/http/request-checks.js';
import { csvCell } from '../../src/api/export.js';
import { operationCost, LIMITS } from '../../src/api/limits.js';
import { buildApiSchema } from '../../src/api/schema.js';

describe('the Host header', () => {
  const allowed = hostPolicy('127.0.0.1', 'budget.example.org');
  it('answers loopback names, IP literals and the configured names, with or without a port', () => {
    for (const h of ['127.0.0.1:4000', 'localhost', 'LOCALHOST:80', '[::1]:4000', '10.1.2.3:4000', 'budget.example.org', 'budget.example.org.:443']) expect(allowed(h), h).toBe(true);
  });
  it('refuses a rebinding attacker’s name, a missing header and junk', () => {
    for (const h of [undefined, '', 'evil.example', 'localhost.evil.example', 'budget.example.org.evil', '127.0.0.1@evil', '[::1', 'a b']) expect(allowed(h), String(h)).toBe(false);
  });
  it('`*` answers every name', () => {
    expect(hostPolicy('127.0.0.1', '*')('anything.example')).toBe(true);
  });
});

describe('the write token', () => {
  it('matches the exact token only, whatever the length of the guess', () => {
    expect(tokenMatches('Bearer s3cret-token', 's3cret-token')).toBe(true);
    expect(tokenMatches('bearer   s3cret-token ', 's3cret-token')).toBe(true);
    for (const h of ['Bearer s3cret-toke', 'Bearer s3cret-token-and-more', 'Bearer ', 's3cret-token', undefined]) expect(tokenMatches(h, 's3cret-token')).toBe(false);
    expect(tokenMatches('Bearer x', undefined)).toBe(false);
  });
});

describe('nested variables', () => {
  it('finds 5,000 levels without recursion, and lets a real filter through', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 5000; i++) deep = (deep.and = [{}])[0] as Record<string, unknown>;
    expect(nestsDeeperThan(root, 32)).toBe(true);
    expect(nestsDeeperThan({ f: { or: [{ year: 2020 }, { not: { department: '龙岗' } }] } }, 32)).toBe(false);
  });
});

describe('CSV cells (OWASP CSV injection)', () => {
  it('neutralises what a spreadsheet would run, and leaves amounts as numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('-5.00')).toBe('-5.00');
    expect(csvCell('2110.00')).toBe('2110.00');
  });
});

const schema = await buildApiSchema();

describe('cost counts the work in the arguments', () => {
  const values = (n: number) => Array.from({ length: n }, (_, i) => `d${i}`);
  it('counts the values of a filter variable once per alias that uses it', () => {
    const q = (aliases: number) => `query($f: ProjectFilter) { ${Array.from({ length: aliases }, (_, i) => `a${i}: projects(first: 1, filter: $f) { totalCount }`).join(' ')} }`;
    const f = { or: Array.from({ length: 64 }, () => ({ departmentIn: values(100) })) };
    const one = operationCost(schema, parse(q(1)), null, { f });
    const thirty = operationCost(schema, parse(q(30)), null, { f });
    expect(one).toBeGreaterThan(6_400);
    expect(thirty).toBeGreaterThan(LIMITS.maxCost);
    expect(operationCost(schema, parse(q(30)), null, { f: { year: 2020 } })).toBeLessThan(LIMITS.maxCost);
  });
  it('reads `first` from a variable’s default value', () => {
    const q = 'query($n: Int = 100) { projects(first: $n) { nodes { allocations { year } } } }';
    expect(operationCost(schema, parse(q), null, {})).toBe(operationCost(schema, parse(q.replace('$n: Int = 100', '$n: Int')), null, { n: 100 }));
    expect(operationCost(schema, parse(q), null, {})).toBeGreaterThan(operationCost(schema, parse(q.replace('= 100', '= 20')), null, {}));
  });
});

describe('the client behind a proxy', () => {
  it('believes X-Forwarded-For only from a trusted proxy, and takes the first untrusted hop from the right', async () => {
    const { clientAddressPolicy } = await import('../../src/api/http/client-address.js');
    const clientOf = clientAddressPolicy('10.0.0.2, 10.0.0.3');
    // From the trusted proxy: the client it names; a chain of trusted proxies is skipped.
    expect(clientOf('::ffff:10.0.0.2', '203.0.113.9')).toBe('203.0.113.9');
    expect(clientOf('10.0.0.2', '198.51.100.1, 203.0.113.9, 10.0.0.3')).toBe('203.0.113.9');
    // A client cannot choose its own address: the left-most entry it wrote is not believed.
    expect(clientOf('10.0.0.2', ['6.6.6.6', '203.0.113.9'])).toBe('203.0.113.9');
    // From anyone else the header is ignored.
    expect(clientOf('192.0.2.7', '203.0.113.9')).toBe('192.0.2.7');
    expect(clientAddressPolicy(undefined)('192.0.2.7', '203.0.113.9')).toBe('192.0.2.7');
    // Only trusted hops: the proxy itself.
    expect(clientOf('10.0.0.2', '10.0.0.3')).toBe('10.0.0.2');
  });
});
