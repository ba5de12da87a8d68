package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadRowTest {
  @TempDir Path tmp;

  static Stream<Arguments> badRows() {
    String signed = " WHERE case_id = 'ACME-2026-001' AND type = 'contract_signed'";
    return Stream.of(
        Arguments.of("huge amount", "UPDATE events SET fields = json_set(fields, '$.amount', '1e2147483647')" + signed),
        Arguments.of("negative amount", "UPDATE events SET fields = json_set(fields, '$.amount', '-5000000')" + signed),
        Arguments.of("bad event time", "UPDATE events SET at = '2026-13-45T25:00:00+08:00'" + signed),
        Arguments.of("bad registered_at", "UPDATE cases SET registered_at = 'yesterday' WHERE id = 'ACME-2026-001'"),
        Arguments.of("bad fields JSON", "UPDATE events SET fields = '{not json'" + signed),
        Arguments.of("unknown stage", "UPDATE events SET fields = json_set(fields, '$.to', 'nowhere')"
            + " WHERE case_id = 'ACME-2026-001' AND type = 'advance' AND seq = (SELECT max(seq) FROM events WHERE case_id = 'ACME-2026-001' AND type = 'advance')"),
        Arguments.of("unknown event type", "UPDATE events SET type = 'bogus'" + signed));
  }

  private Path workspaceWith(String sql) throws Exception {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    CliRun migrate = CliRun.in(ws, "migrate", "--to", "sqlite:cases.db");
    assertThat(migrate.code()).as("%s", migrate).isZero();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("cases.db"));
        Statement s = db.createStatement()) {
      assertThat(s.executeUpdate(sql)).isEqualTo(1);
    }
    return ws;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRows")
  void repro(String kind, String sql) throws Exception {
    Path ws = workspaceWith(sql);
    for (String[] args : new String[][] {{"list"}, {"--format", "json", "list"}, {"overdue"}, {"--format", "json", "overdue"},
        {"report", "funnel"}, {"--format", "json", "report", "all"}, {"export", "-"}, {"show", "ACME-2026-001"},
        {"show", "ACME-2026-002"}, {"check"}}) {
      String[] all = Stream.concat(Stream.of("--store", "sqlite:cases.db"), Stream.of(args)).toArray(String[]::new);
      CliRun run = Hostile.run(ws, all);
      System.out.println("=== " + kind + ": " + String.join(" ", args) + " -> " + run.code() + " out=" + run.out().length()
          + " has001=" + run.out().contains("ACME-2026-001") + "\n" + run.err().lines().limit(4).reduce("", (a, b) -> a + "   " + b + "\n"));
    }
  }
}
