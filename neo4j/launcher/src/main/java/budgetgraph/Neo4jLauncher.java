package budgetgraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded and exposes it over Bolt on loopback only.
 *
 * Configuration comes from the environment so the Node side (src/db) owns every default:
 *   NEO4J_BOLT_PORT        Bolt port (default 7687), always bound to 127.0.0.1
 *   NEO4J_DATA_DIR         database home (default .data/neo4j)
 *   NEO4J_PAGECACHE_MB     page cache in MiB (default 256)
 *   NEO4J_TX_TIMEOUT_S     server-side transaction timeout (default 120)
 *   NEO4J_EXIT_ON_STDIN_EOF  "1": shut down when stdin closes, so a parent that dies
 *                          without a chance to signal us never leaves an orphan JVM.
 *   NEO4J_AUTH_PASSWORD    Bolt requires authentication as user neo4j with this password
 *                          (set at every start, before Bolt is announced ready). Without it
 *                          authentication is off: only for tools that know what they do.
 *
 * Prints exactly one line "NEO4J_READY bolt://127.0.0.1:PORT" to stdout once Bolt accepts
 * connections; everything else goes to stderr.
 */
public final class Neo4jLauncher {
    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        int port = intEnv("NEO4J_BOLT_PORT", 7687);
        Path home = Path.of(env("NEO4J_DATA_DIR", ".data/neo4j")).toAbsolutePath();
        long pageCacheMb = intEnv("NEO4J_PAGECACHE_MB", 256);
        int txTimeout = intEnv("NEO4J_TX_TIMEOUT_S", 120);

        String password = env("NEO4J_AUTH_PASSWORD", null);

        // Watched from the first moment, not from "ready": a parent that dies while Neo4j is still
        // starting (killed, or stopped by a signal) must not leave this JVM holding the store lock.
        if ("1".equals(System.getenv("NEO4J_EXIT_ON_STDIN_EOF"))) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() != -1) { /* ignore input; EOF means the parent is gone */ }
                } catch (IOException ignored) {
                    // a broken pipe means the same as EOF
                }
                System.exit(0); // runs the shutdown hook
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }

        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                // No lock-out after failed logins: the password is 192 random bits, so the limit
                // protects nothing, while anything sending wrong passwords to the loopback port
                // would lock the service's own login out (a restart that never comes back).
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout))
                // A local dev/test server: do not wait long for idle Bolt connections on shutdown.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                // Asked for by the Node side only after a start failed on a transaction log that
                // ends in a torn write (a disk that filled up mid-commit): recovery keeps every
                // committed transaction and drops the torn tail, which was never committed.
                .setConfig(GraphDatabaseInternalSettings.fail_on_corrupted_log_files, !"1".equals(System.getenv("NEO4J_RECOVER_TORN_LOG")))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean(false);
        Runnable shutdown = () -> {
            if (stopping.compareAndSet(false, true)) {
                System.err.println("neo4j-launcher: shutting down");
                dbms.shutdown();
                stopped.countDown();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // Polled, not waited on for a minute: a database that failed to start (say, on an
        // unrecoverable log) says so in its status at once, and the reason is printed.
        long availableBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!db.isAvailable(1_000)) {
            String failure = startFailure(dbms);
            if (failure != null) {
                System.err.println("neo4j-launcher: database failed to start: " + failure);
                shutdown.run();
                System.exit(4);
            }
            if (System.nanoTime() > availableBy) {
                System.err.println("neo4j-launcher: database did not become available within 60 s");
                shutdown.run();
                System.exit(2);
            }
        }
        if (password != null) {
            try {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", java.util.Map.of("pw", password));
            } catch (RuntimeException e) {
                // Setting the password it already has is refused by some versions: that is fine.
                if (!String.valueOf(e.getMessage()).toLowerCase().contains("same")) {
                    System.err.println("neo4j-launcher: could not set the password: " + e.getMessage());
                    shutdown.run();
                    System.exit(3);
                }
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.err.printf("neo4j-launcher: started in %d ms, home %s%n", ms, home);
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();

        stopped.await();
    }

    /** The default database's failure message when it is neither starting nor online, else null. */
    private static String startFailure(DatabaseManagementService dbms) {
        try {
            return dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "SHOW DATABASE neo4j YIELD currentStatus, statusMessage",
                    java.util.Map.of(),
                    result -> {
                        if (!result.hasNext()) return null;
                        var row = result.next();
                        String status = String.valueOf(row.get("currentStatus"));
                        String message = String.valueOf(row.get("statusMessage"));
                        boolean failed = !("starting".equals(status) || "online".equals(status)) && !message.isBlank();
                        return failed ? status + ": " + message : null;
                    });
        } catch (RuntimeException e) {
            return null; // the system database itself still starting: ask again
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int intEnv(String name, int fallback) {
        String v = env(name, null);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            System.err.println("neo4j-launcher: " + name + " must be an integer, got '" + v + "'");
            System.exit(64);
            return fallback;
        }
    }
}
