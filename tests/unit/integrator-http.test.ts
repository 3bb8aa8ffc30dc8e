// What an integrator's client sends, and what the server makes of it: Accept-Encoding as browsers,
// curl and proxies write it, and the BUDGET_GRAPH_CORS_ORIGINS an operator writes.
import { describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../src/api/http/compression.js';
import { corsPolicy } from '../../src/api/http/cors.js';

describe('chooseEncoding (Accept-Encoding)', () => {
  it('takes Brotli when a browser offers it, gzip from curl --compressed or an older client', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('deflate, gzip')).toBe('gzip');
    expect(chooseEncoding('x-gzip')).toBe('gzip');
  });
  it('honours weights: q=0 refuses a coding, a higher q for gzip wins', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=1.0')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0')).toBeNull();
  });
  it('reads * as any coding not named, and sends nothing compressed to a client that asks for none', () => {
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('br;q=0, *')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('')).toBeNull();
  });
});

describe('corsPolicy (BUDGET_GRAPH_CORS_ORIGINS)', () => {
  it('allows exactly the origins named, none by default', () => {
    const policy = corsPolicy('https://analysis.example.org, http://localhost:5173');
    expect(policy.allows('https://analysis.example.org')).toBe(true);
    expect(policy.allows('http://localhost:5173')).toBe(true);
    expect(policy.allows('https://analysis.example.org.evil.test')).toBe(false);
    expect(policy.allows('http://analysis.example.org')).toBe(false);
    expect(policy.allows(undefined)).toBe(false);
    expect(corsPolicy(undefined).allows('https://analysis.example.org')).toBe(false);
  });
  it('allows any origin with *, but never the opaque origin "null" (sandboxed frames, file: pages)', () => {
    expect(corsPolicy('*').allows('https://anyone.example')).toBe(true);
    expect(corsPolicy('*').allows('null')).toBe(false);
  });
  it('refuses at start what is not an origin, naming it', () => {
    expect(() => corsPolicy('https://analysis.example.org/')).toThrow(/"https:\/\/analysis.example.org\/" is not an origin/);
    expect(() => corsPolicy('analysis.example.org')).toThrow(/not an origin/);
    expect(() => corsPolicy('https://a.example/app')).toThrow(/not an origin/);
    expect(() => corsPolicy('ftp://a.example')).toThrow(/not an origin/);
  });
});
