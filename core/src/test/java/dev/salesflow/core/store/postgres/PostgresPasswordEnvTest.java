package dev.salesflow.core.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password from the environment of a real process: {@code SALESFLOW_PG_PASSWORD} or {@code
 * PGPASSWORD} opens the store; a wrong one fails, and neither the full stack trace nor the message
 * holds it.
 */
class PostgresPasswordEnvTest {
  @TempDir Path root;
  private final PostgresServer server = PostgresServer.get();

  @Test
  void thePasswordComesFromTheEnvironmentAndAWrongOneIsNeverPrinted() throws Exception {
    String role = "env_rep_" + ProcessHandle.current().pid();
    String schema = "env_" + ProcessHandle.current().pid();
    server.admin(PostgresServer.DATABASE, "DROP ROLE IF EXISTS " + role,
        "CREATE ROLE " + role + " LOGIN PASSWORD 'env-pw-right'", "CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
    Files.createDirectories(root.resolve("cases"));
    Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\nstore: " + server.spec(role, schema) + "\n");
    Path go = Files.createFile(root.resolve("go"));
    for (String variable : List.of("SALESFLOW_PG_PASSWORD", "PGPASSWORD")) {
      Run wrong = writer(Map.of(variable, "env-pw-WRONG-7"), go);
      assertThat(wrong.code()).as(wrong.output()).isNotZero();
      assertThat(wrong.output()).contains("password authentication failed").contains("127.0.0.1:" + server.port())
          .doesNotContain("env-pw-WRONG-7").doesNotContain("env-pw-right");
    }
    Run none = writer(Map.of(), go);
    assertThat(none.output()).contains("the password comes from SALESFLOW_PG_PASSWORD, PGPASSWORD or ~/.pgpass");
    // the right one logs in and makes the tables in the role's own schema; the writer then finds no case
    Run right = writer(Map.of("PGPASSWORD", "env-pw-right"), go);
    assertThat(right.output()).doesNotContain("password authentication failed").contains("no case 'ACME-2026-001'")
        .doesNotContain("env-pw-right");
  }

  private record Run(int code, String output) {}

  /** StoreWriter in its own JVM with {@code env} added to a bare environment: one note to ACME-2026-001. */
  private Run writer(Map<String, String> env, Path go) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.salesflow.core.store.contract.StoreWriter", root.toString(), "ACME-2026-001", "w", "1", go.toString());
    builder.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("SALESFLOW_"));
    builder.environment().put("HOME", root.toString()); // no ~/.pgpass
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process p = builder.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
