// /healthz: whether requests will be answered now, asked of Neo4j within a bound balancers can wait.
import type { ServerResponse } from 'node:http';
import type { Database } from '../../db/connection.js';

/** /healthz's own bound on asking Neo4j (load balancers time out at 1-2 s). */
export const HEALTH_PROBE_MS = 800;

/**
 * Answers within HEALTH_PROBE_MS whatever the database does: a stall is a prompt 503, not a hang.
 * Ready means ready: 503 with the reason while the database restarts, warms up or does not
 * answer its liveness probe (src/db/availability.ts), 200 only when requests will be answered.
 */
export async function answerHealth(db: Database, res: ServerResponse): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), HEALTH_PROBE_MS)));
  const probe = db.isUp() ? db.driver.getServerInfo().then(() => true, () => false) : Promise.resolve(false);
  const up = await Promise.race([probe, late]);
  clearTimeout(timer);
  res.statusCode = up ? 200 : 503;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  if (!up) res.setHeader('retry-after', '5');
  res.end(JSON.stringify(up ? { ok: true } : { ok: false, reason: db.unavailableReason() ?? 'DATABASE_UNAVAILABLE' }));
}
