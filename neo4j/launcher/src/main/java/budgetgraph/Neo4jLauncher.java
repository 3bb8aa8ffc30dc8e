package budgetgraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
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
 *   NEO4J_AUTH_PASSWORD_FILE  path of a file holding the password: Bolt requires
 *                          authentication as user neo4j with it (set at every start, before Bolt
 *                          is announced ready). The file must be a regular file (not a symbolic
 *                          link) that only its owner can access (mode 0600 or stricter, where
 *                          the file system has POSIX permissions), else the launcher refuses to
 *                          start (exit 78). Only the path is in the environment, never the
 *                          password: /proc/PID/environ, core dumps and crash reports show the
 *                          environment. Without it authentication is off: only for tools that
 *                          know what they do.
 *   NEO4J_AUTH_PASSWORD    no longer read: when set, the launcher refuses to start (exit 78)
 *                          rather than run without the authentication its caller asked for.
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

        if (System.getenv("NEO4J_AUTH_PASSWORD") != null) {
            refuse("NEO4J_AUTH_PASSWORD is no longer read (a password in the environment is visible in "
                    + "/proc/<pid>/environ); put the password in a file only you can read (mode 0600) and "
                    + "pass its path as NEO4J_AUTH_PASSWORD_FILE");
        }
        String passwordFile = env("NEO4J_AUTH_PASSWORD_FILE", null);
        String password = passwordFile == null ? null : readPasswordFile(Path.of(passwordFile).toAbsolutePath());

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
                // A load grows the graph from empty: with the defaults (divergence 0.75, at most
                // every 10 s) every write statement is thrown away and planned again at each ~4x
                // growth of a count, and planning (with the JIT compiling the planner) took about
                // 30 % of the Bolt workers' samples over a fresh 1,000-document load
                // (bench/ingest-profile.ts --jfr). A plan is now kept until a count it used changed ~10x, and at least 30 s;
                // it still ages towards the 0.1 target over hours, so a long-lived server replans.
                .setConfig(GraphDatabaseSettings.query_statistics_divergence_threshold, 0.9)
                .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofSeconds(30))
                // Each statement planned once, with its expressions compiled: the default
                // (ONLY_WHEN_HOT) plans a statement interpreted and then plans it all over again
                // with code generation at its 10th run, and again after every replan. The service
                // runs a fixed set of statements (cypher/*.cypher), each many times.
                .setConfig(GraphDatabaseInternalSettings.cypher_expression_engine, GraphDatabaseInternalSettings.CypherExpressionEngine.COMPILED)
                // One plan a statement whatever the length of its list and string parameters. By
                // default the plan cache keys each such parameter by its size rounded up to a power
                // of ten (1, 10, 100, 1000 …): a load statement whose rows number 9 in one
                // transaction and 32 or 283 in the next was planned again for each (3.0 s of the
                // Bolt workers' compile time over 1,000 documents, 1.0 s without; planning 12.8 % of
                // their samples, 5.6 % without), and an API read for each DataLoader batch size.
                // The load's statements seek each row's node by key: the rows' count chooses none
                // of their plans.
                .setConfig(GraphDatabaseInternalSettings.cypher_size_hint_parameters, false)
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

    /** EX_CONFIG: the launcher was given a configuration it will not run with. */
    static final int EXIT_REFUSED = 78;

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /**
     * The password in `file` (surrounding whitespace trimmed), or exits with a message naming the
     * file when it is missing, not a regular file, accessible to its group or others, or empty.
     */
    static String readPasswordFile(Path file) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            refuse("the password file " + file + " (NEO4J_AUTH_PASSWORD_FILE) does not exist");
            return null;
        } catch (IOException e) {
            refuse("the password file " + file + " (NEO4J_AUTH_PASSWORD_FILE) cannot be read: " + e);
            return null;
        }
        if (attrs.isSymbolicLink()) refuse("the password file " + file + " (NEO4J_AUTH_PASSWORD_FILE) is a symbolic link, not a regular file");
        if (!attrs.isRegularFile()) refuse("the password file " + file + " (NEO4J_AUTH_PASSWORD_FILE) is not a regular file");
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> perms;
            try {
                perms = posix.readAttributes().permissions();
            } catch (IOException e) {
                refuse("the permissions of the password file " + file + " (NEO4J_AUTH_PASSWORD_FILE) cannot be read: " + e);
                return null;
            }
            perms.retainAll(GROUP_OR_OTHERS);
            if (!perms.isEmpty()) {
                refuse("the password file " + file + " (NEO4J_AUTH_PASSWORD_FILE) is accessible to its group or others (mode "
                        + mode(posix, file) + "); it must be readable by its owner only: chmod 600 " + file);
            }
        }
        // Opened without following a link, so a link swapped in after the checks is not read either.
        byte[] bytes;
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (ch.size() > 4096) refuse("the password file " + file + " (NEO4J_AUTH_PASSWORD_FILE) is larger than 4 KiB: not a password");
            ByteBuffer buf = ByteBuffer.allocate((int) ch.size() + 1);
            while (buf.hasRemaining() && ch.read(buf) > 0) { /* read it all */ }
            buf.flip();
            bytes = new byte[buf.remaining()];
            buf.get(bytes);
        } catch (IOException e) {
            refuse("the password file " + file + " (NEO4J_AUTH_PASSWORD_FILE) cannot be read: " + e);
            return null;
        }
        String password;
        try {
            password = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            refuse("the password file " + file + " (NEO4J_AUTH_PASSWORD_FILE) is not UTF-8 text");
            return null;
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
        if (password.isEmpty()) refuse("the password file " + file + " (NEO4J_AUTH_PASSWORD_FILE) is empty");
        return password;
    }

    private static String mode(PosixFileAttributeView posix, Path file) {
        try {
            int m = 0;
            for (PosixFilePermission p : posix.readAttributes().permissions()) m |= 1 << (8 - p.ordinal());
            return String.format("%04o", m);
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void refuse(String message) {
        System.err.println("neo4j-launcher: refusing to start: " + message);
        System.exit(EXIT_REFUSED);
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
