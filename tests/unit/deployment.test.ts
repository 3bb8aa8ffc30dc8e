// docker-compose.yml follows the deployment the README describes (no Docker engine here, so the
// file is checked, not run): one loader job, API replicas that do not load at start and wait for
// it, neo4j:// routing, restart policies, and no fixed host port to clash when scaled.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  restart?: string;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

const compose = parse(readFileSync(join(projectRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const { loader, neo4j } = compose.services;
const api = compose.services['budget-graph']!;

describe('docker-compose.yml', () => {
  it('loads once, from a loader job that runs the CLI the image builds', () => {
    expect(loader?.command?.slice(0, 3)).toEqual(['node', 'dist/src/cli/load.js', 'data']);
    expect(existsSync(join(projectRoot, 'src', 'cli', 'load.ts'))).toBe(true);
    expect(loader?.depends_on?.neo4j?.condition).toBe('service_healthy');
  });

  it('runs API replicas that do not load at start, start after the load, route with neo4j:// and restart', () => {
    expect(api.environment?.BUDGET_GRAPH_LOAD_ON_START).toBe('0');
    expect(api.depends_on?.loader?.condition).toBe('service_completed_successfully');
    for (const s of [api, loader!]) expect(s.environment?.NEO4J_URI).toMatch(/^neo4j:\/\//);
    expect(api.restart).toBe('unless-stopped');
    expect(neo4j?.restart).toBe('unless-stopped');
    expect(api.environment).toHaveProperty('BUDGET_GRAPH_TRUSTED_PROXIES');
  });

  it('publishes no fixed host port for the API, so --scale budget-graph=N does not clash', () => {
    for (const p of api.ports ?? []) expect(p).toMatch(/^(127\.0\.0\.1:)?:?4000$|^127\.0\.0\.1::4000$/);
  });

  it('mounts the documents into the loader (the image holds none) and shares PDFs\' originals with the replicas', () => {
    // The image's VOLUME /app/data (Dockerfile; tests/integration/docker-image.test.ts).
    expect(loader?.volumes).toContain('./data:/app/data:ro');
    // Originals live beside the Neo4j data dir (.data/neo4j-originals): one named volume for all.
    const shared = (s: Service) => (s.volumes ?? []).find((v) => v.endsWith(':/app/.data'))?.split(':')[0];
    expect(shared(loader!)).toBeDefined();
    expect(shared(api)).toBe(shared(loader!));
    expect(compose.volumes).toHaveProperty(shared(loader!)!);
  });
});
