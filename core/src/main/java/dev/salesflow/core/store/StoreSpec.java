package dev.salesflow.core.store;

import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which store a workspace's cases are in, as {@code --store}, {@code migrate --to} and {@code
 * store:} in {@code salesflow.yaml} name it: a folder of case files, or {@code sqlite:FILE}.
 * {@link #parse} is the one place a spec's text is read; the workspace opens a store with one
 * {@code switch} over {@link #kind()}. A new kind of store is a record here, its prefix in {@link
 * #parse} and one case in that switch.
 */
public sealed interface StoreSpec {

  /** The kinds of store, one per record. */
  enum Kind { FOLDER, SQLITE, POSTGRESQL }

  /** The prefix of SQLite store specs. */
  String SQLITE = "sqlite:";

  /** The prefix of PostgreSQL store specs. */
  String POSTGRESQL = "postgresql://";

  /** What {@link #parse} accepts, for messages. */
  String KNOWN = "a folder of case files (DIR), sqlite:FILE and postgresql://USER@HOST:PORT/DB[?schema=NAME]";

  /** This spec's kind, for a {@code switch} that covers every kind. */
  Kind kind();

  /** The folder or file the store keeps its cases in, absolute or relative to the working folder. */
  Path location();

  /** Makes what must exist before the store can be opened as a migration target. */
  void prepareTarget();

  /**
   * Removes a store that a failed migration created (a full disk, say), so nothing half-made is
   * left. Best effort; the migration's own error is what the caller reports.
   */
  void removeCreated();

  /** A folder of case files, one YAML file per case. */
  record Folder(Path location) implements StoreSpec {
    @Override
    public Kind kind() {
      return Kind.FOLDER;
    }

    /** Creates the folder when missing. */
    @Override
    public void prepareTarget() {
      try {
        Files.createDirectories(location);
      } catch (IOException e) {
        throw new StoreException("cannot create " + location + ": " + e.getMessage(), e);
      }
    }

    /** The new folder and everything in it. */
    @Override
    public void removeCreated() {
      try {
        if (Files.isDirectory(location, LinkOption.NOFOLLOW_LINKS)) {
          try (Stream<Path> walk = Files.walk(location)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(p);
            }
          }
        }
      } catch (IOException | UncheckedIOException ignored) {
        // a left-over target is refused as not empty by the next migration, which says so
      }
    }
  }

  /** A SQLite database file. */
  record Sqlite(Path location) implements StoreSpec {
    @Override
    public Kind kind() {
      return Kind.SQLITE;
    }

    /** Nothing: opening the database creates it. */
    @Override
    public void prepareTarget() {
      // the store creates the file when it opens it
    }

    /** The database with its -wal, -shm and -journal files. */
    @Override
    public void removeCreated() {
      try {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
          Files.deleteIfExists(location.resolveSibling(location.getFileName() + suffix));
        }
      } catch (IOException ignored) {
        // a left-over target is refused as not empty by the next migration, which says so
      }
    }
  }

  /**
   * A schema of a PostgreSQL database: {@code postgresql://USER@HOST[:PORT]/DB}, port 5432 when
   * left out, with optional {@code ?schema=NAME} (default {@code public}) and {@code
   * connect_timeout=SECONDS} (default 10) joined by {@code &}. It never holds a password: that
   * comes from the environment or {@code ~/.pgpass} when the store connects.
   */
  record Postgres(String user, String host, int port, String database, String schema, int connectTimeoutSeconds)
      implements StoreSpec {
    /** The schema used when the spec names none. */
    public static final String DEFAULT_SCHEMA = "public";
    /** Seconds to wait for the server when the spec does not say. */
    public static final int DEFAULT_CONNECT_TIMEOUT = 10;

    public Postgres {
      if (user.isEmpty() || host.isEmpty() || database.isEmpty()) {
        throw new IllegalArgumentException("user, host and database are required");
      }
      if (port < 1 || port > 65535 || connectTimeoutSeconds < 1) {
        throw new IllegalArgumentException("port or connect timeout out of range");
      }
      if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
        throw new IllegalArgumentException("schema '" + schema + "'");
      }
    }

    @Override
    public Kind kind() {
      return Kind.POSTGRESQL;
    }

    /** The spec as text (no password), which findings name as their file. */
    @Override
    public Path location() {
      return Path.of(toString());
    }

    /** Nothing: the store creates its tables when it opens the database. */
    @Override
    public void prepareTarget() {
      // the database must exist; salesflow creates the schema's tables in it
    }

    /** Nothing: a migration into PostgreSQL is one transaction, which a failure rolls back. */
    @Override
    public void removeCreated() {
      // rolled back by the server
    }

    /** {@code postgresql://USER@HOST:PORT/DB} with {@code ?schema=NAME} unless it is the default. */
    @Override
    public String toString() {
      String hostPart = host.contains(":") ? "[" + host + "]" : host;
      return POSTGRESQL + user + "@" + hostPart + ":" + port + "/" + database
          + (schema.equals(DEFAULT_SCHEMA) ? "" : "?schema=" + schema);
    }

    /** {@code host:port, database DB} for messages about connecting. */
    public String server() {
      return "PostgreSQL server " + host + ":" + port + ", database " + database;
    }

    static Postgres parse(String spec) {
      String usage = "; expected postgresql://USER@HOST[:PORT]/DB[?schema=NAME&connect_timeout=SECONDS]";
      String rest = spec.substring(POSTGRESQL.length());
      String query = "";
      int q = rest.indexOf('?');
      if (q >= 0) {
        query = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
      int at = rest.lastIndexOf('@');
      int slash = rest.indexOf('/', Math.max(at, 0));
      if (at <= 0 || slash < 0 || slash == rest.length() - 1) {
        throw new InvalidRequestException("store '" + spec + "' needs a user, a host and a database" + usage);
      }
      String user = rest.substring(0, at);
      if (user.contains(":")) {
        throw new InvalidRequestException("store '" + POSTGRESQL + "…' must not hold a password (set PGPASSWORD,"
            + " SALESFLOW_PG_PASSWORD or ~/.pgpass instead)");
      }
      String hostPort = rest.substring(at + 1, slash);
      String database = rest.substring(slash + 1);
      String host = hostPort;
      int port = 5432;
      int colon = hostPort.lastIndexOf(':');
      if (hostPort.startsWith("[")) {
        int close = hostPort.indexOf(']');
        host = close < 0 ? "" : hostPort.substring(1, close);
        colon = close < 0 || close == hostPort.length() - 1 ? -1 : close + 1;
      } else if (colon >= 0) {
        host = hostPort.substring(0, colon);
      }
      if (colon >= 0) {
        port = number(spec, "port", hostPort.substring(colon + 1), 1, 65535, usage);
      }
      if (host.isEmpty() || database.contains("/")) {
        throw new InvalidRequestException("store '" + spec + "' needs a user, a host and a database" + usage);
      }
      String schema = DEFAULT_SCHEMA;
      int timeout = DEFAULT_CONNECT_TIMEOUT;
      for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        switch (key) {
          case "schema" -> {
            if (!value.matches("[a-z_][a-z0-9_]{0,62}")) {
              throw new InvalidRequestException("store '" + spec + "': schema '" + value
                  + "' must be lower-case letters, digits and _, not starting with a digit, at most 63");
            }
            schema = value;
          }
          case "connect_timeout" -> timeout = number(spec, "connect_timeout", value, 1, 3600, usage);
          default -> throw new InvalidRequestException("store '" + spec + "': unknown parameter '" + key
              + "' (known: schema, connect_timeout)");
        }
      }
      return new Postgres(user, host, port, database, schema, timeout);
    }

    private static int number(String spec, String what, String text, int min, int max, String usage) {
      try {
        int n = Integer.parseInt(text);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // refused below
      }
      throw new InvalidRequestException("store '" + spec + "': " + what + " '" + text + "' must be a number from "
          + min + " to " + max + usage);
    }
  }

  /**
   * The store {@code spec} names, its path resolved against {@code base}: {@code sqlite:FILE} is a
   * database, {@code postgresql://…} a schema of a PostgreSQL database, anything else a folder. A spec that starts like a URL or a prefix ({@code NAME:})
   * of no known kind is refused rather than taken for a folder, so {@code
   * postgresql://host/db} never becomes a folder named {@code postgresql:}; such a folder is written
   * {@code ./NAME:...}.
   *
   * @throws InvalidRequestException for {@code sqlite:} without a file, a malformed {@code
   *     postgresql://} spec, or an unknown kind
   */
  static StoreSpec parse(String spec, Path base) {
    if (spec.startsWith(POSTGRESQL)) {
      return Postgres.parse(spec);
    }
    if (spec.startsWith(SQLITE)) {
      String path = spec.substring(SQLITE.length());
      if (path.isBlank()) {
        throw new InvalidRequestException("store 'sqlite:' needs a file, e.g. sqlite:cases.db");
      }
      return new Sqlite(base.resolve(path).normalize());
    }
    int scheme = schemeLength(spec);
    if (scheme > 0) {
      throw new InvalidRequestException("unknown store kind '" + spec.substring(0, scheme) + "' in '" + spec
          + "': known kinds are " + KNOWN + "; a folder whose name contains ':' can be written as ./NAME");
    }
    return new Folder(base.resolve(spec).normalize());
  }

  /**
   * The length of the scheme {@code spec} starts with ({@code NAME}, as in {@code NAME:},
   * {@code [A-Za-z][A-Za-z0-9+.-]*}), or 0 when it starts with none. A loop, not a regular
   * expression: every command that opens a store runs this.
   */
  private static int schemeLength(String spec) {
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == ':') {
        return i;
      }
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-')))) {
        return 0;
      }
    }
    return 0;
  }
}
