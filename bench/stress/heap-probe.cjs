// Loaded into the server by the uncached soak (node --require bench/stress/heap-probe.cjs): every
// 5 s one line on stderr with the process's own memory, which no other process can read (RSS is
// in /proc; the V8 heap is not). Nothing else: no handler, no global, the timer does not hold the
// process open.
'use strict';
const write = () => {
  const m = process.memoryUsage();
  process.stderr.write(`soak-memory: ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers })}\n`);
};
setInterval(write, 5_000).unref();
