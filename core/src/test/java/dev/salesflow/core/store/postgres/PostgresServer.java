package dev.salesflow.core.store.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: Debian's server binaries ({@code
 * /usr/lib/postgresql/VERSION/bin}), a cluster made with {@code initdb} in a temporary folder,
 * listening on 127.0.0.1 and a free port. Started once per test JVM ({@link #get()}) and stopped
 * when the JVM ends. As root (CI) the server runs as the unprivileged user {@code postgres} (or
 * {@code nobody}) through {@code runuser}: {@code initdb} refuses to run as root.
 *
 * <p>The superuser {@value #SUPERUSER} logs in over TCP without a password (the contract suite's
 * writer processes get no environment of their own); every other role needs its password
 * (scram-sha-256). Without the binaries it fails, saying to install {@code postgresql}: nothing is
 * skipped.
 */
public final class PostgresServer {
  public static final String SUPERUSER = "salesflow";
  public static final String DATABASE = "salesflow";
  private static PostgresServer instance;
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private final Path bin;
  private final Path dir;
  private final String runAs;
  private final int port;

  private PostgresServer(Path bin, Path dir, String runAs, int port) {
    this.bin = bin;
    this.dir = dir;
    this.runAs = runAs;
    this.port = port;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized PostgresServer get() {
    if (instance == null) {
      try {
        instance = start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the test PostgreSQL server: " + e.getMessage(), e);
      }
      PostgresServer started = instance;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "salesflow-test-postgres-stop"));
    }
    return instance;
  }

  private static PostgresServer start() throws IOException {
    Path bin = binaries();
    String runAs = "root".equals(System.getProperty("user.name")) ? unprivilegedUser() : null;
    Path dir = Files.createTempDirectory("salesflow-pg-");
    if (runAs != null) {
      run(List.of("chown", runAs, dir.toString()), 30);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    PostgresServer server = new PostgresServer(bin, dir, runAs, port);
    server.runAsServerUser(List.of(bin.resolve("initdb").toString(), "-D", server.data().toString(), "-U", SUPERUSER,
        "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"), 300);
    Files.writeString(server.data().resolve("pg_hba.conf"), """
        local all all trust
        host all %s 127.0.0.1/32 trust
        host all all 127.0.0.1/32 scram-sha-256
        """.formatted(SUPERUSER), StandardCharsets.UTF_8);
    server.startServer();
    server.admin("postgres", "CREATE DATABASE " + DATABASE);
    return server;
  }

  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))
            && Files.isExecutable(b.resolve("pg_ctl"))).forEach(found::add);
      }
    }
    return found.stream().max(Comparator.comparingInt(PostgresServer::version)).orElseThrow(() ->
        new IllegalStateException("no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb): the PostgreSQL"
            + " store's tests start a real server; install the Debian package postgresql"
            + " (apt-get install postgresql), as .ci/run does"));
  }

  private static int version(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String unprivilegedUser() throws IOException {
    for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
      if (line.startsWith("postgres:")) {
        return "postgres";
      }
    }
    return "nobody";
  }

  private Path data() {
    return dir.resolve("data");
  }

  /** Starts the server (again, after {@link #stop}) and waits until it accepts connections. */
  public void startServer() {
    try {
      runAsServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l",
          dir.resolve("server.log").toString(), "-w", "-t", "120", "-o",
          "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off -c max_connections=200"
              + " -c shared_buffers=64MB", "start"), 180);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the test PostgreSQL server: " + e.getMessage() + log(), e);
    }
  }

  /** Stops the server: {@code fast} (clients are disconnected, transactions rolled back) or {@code immediate}. */
  public void stop(String mode) {
    try {
      runAsServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", mode, "-w", "stop"), 120);
    } catch (IOException e) {
      throw new IllegalStateException("cannot stop the test PostgreSQL server: " + e.getMessage(), e);
    }
  }

  private void destroy() {
    try {
      stop("immediate");
    } catch (RuntimeException ignored) {
      // already stopped
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder
    }
  }

  private String log() {
    try {
      return "\n" + Files.readString(dir.resolve("server.log"));
    } catch (IOException e) {
      return "";
    }
  }

  public int port() {
    return port;
  }

  /** A store spec for the superuser in a schema of its own, new on every call. */
  public String newSchemaSpec() {
    return spec(SUPERUSER, "t" + SCHEMAS.incrementAndGet() + "_" + ProcessHandle.current().pid());
  }

  /** The spec of schema {@code schema} for role {@code user}. */
  public String spec(String user, String schema) {
    return "postgresql://" + user + "@127.0.0.1:" + port + "/" + DATABASE + "?schema=" + schema;
  }

  /** Runs statements as the superuser in {@code database}. */
  public void admin(String database, String... sql) {
    Properties props = new Properties();
    props.setProperty("user", SUPERUSER);
    try (Connection c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("test database setup failed: " + e.getMessage(), e);
    }
  }

  /** The rows of {@code sql} run as the superuser with {@code schema} on the search path, columns joined by |. */
  public List<String> rows(String schema, String sql) {
    Properties props = new Properties();
    props.setProperty("user", SUPERUSER);
    props.setProperty("currentSchema", schema);
    List<String> rows = new ArrayList<>();
    try (Connection c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, props);
        Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("test query failed: " + e.getMessage(), e);
    }
    return rows;
  }

  /** The schema a spec from {@link #newSchemaSpec} or {@link #spec} names. */
  public static String schemaOf(String spec) {
    return spec.substring(spec.indexOf("?schema=") + "?schema=".length());
  }

  private void runAsServerUser(List<String> command, int timeoutSeconds) throws IOException {
    List<String> full = new ArrayList<>();
    if (runAs != null) {
      full.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    full.addAll(command);
    run(full, timeoutSeconds);
  }

  private static void run(List<String> command, int timeoutSeconds) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LC_ALL", "C");
    Process p = builder.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
          + new String(out, StandardCharsets.UTF_8));
    }
  }
}
