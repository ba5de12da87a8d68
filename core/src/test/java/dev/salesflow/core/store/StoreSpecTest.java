package dev.salesflow.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.InvalidRequestException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreSpecTest {
  private static final Path BASE = Path.of("/work/here");

  @Test
  void sqliteNamesADatabaseRelativeToTheBase() {
    assertThat(StoreSpec.parse("sqlite:data/../cases.db", BASE)).isEqualTo(new StoreSpec.Sqlite(Path.of("/work/here/cases.db")));
    assertThat(StoreSpec.parse("sqlite:/srv/cases.db", BASE)).isEqualTo(new StoreSpec.Sqlite(Path.of("/srv/cases.db")));
    assertThat(StoreSpec.parse("sqlite:x.db", BASE).kind()).isEqualTo(StoreSpec.Kind.SQLITE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cases", "./backup:2026", "/srv/cases", "a b:c", "1x:y", "_x:y", ":x", "cases/a:b"})
  void anythingElseWithoutASchemeIsAFolder(String spec) {
    StoreSpec parsed = StoreSpec.parse(spec, BASE);
    assertThat(parsed).isEqualTo(new StoreSpec.Folder(BASE.resolve(spec).normalize()));
    assertThat(parsed.kind()).isEqualTo(StoreSpec.Kind.FOLDER);
  }

  @Test
  void sqliteWithoutAFileIsRefused() {
    assertThatThrownBy(() -> StoreSpec.parse("sqlite: ", BASE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("store 'sqlite:' needs a file, e.g. sqlite:cases.db");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres://sf@127.0.0.1:5432/sales", "mysql:x", "SQLite:cases.db", "git+ssh://h/r", "a.b-c:d", "x:"})
  void aSchemeOfNoKnownKindIsRefusedNamingTheKnownOnes(String spec) {
    String scheme = spec.substring(0, spec.indexOf(':'));
    assertThatThrownBy(() -> StoreSpec.parse(spec, BASE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("unknown store kind '" + scheme + "' in '" + spec + "': known kinds are a folder of case files (DIR),"
            + " sqlite:FILE and postgresql://USER@HOST:PORT/DB[?schema=NAME]; a folder whose name contains ':' can be written as ./NAME");
  }

  @Test
  void aPostgresSpecNamesUserHostPortDatabaseAndSchema() {
    assertThat(StoreSpec.parse("postgresql://sf@db.example.cn:6543/sales?schema=east&connect_timeout=3", BASE))
        .isEqualTo(new StoreSpec.Postgres("sf", "db.example.cn", 6543, "sales", "east", 3));
    StoreSpec.Postgres defaults = (StoreSpec.Postgres) StoreSpec.parse("postgresql://sf@127.0.0.1/sales", BASE);
    assertThat(defaults).isEqualTo(new StoreSpec.Postgres("sf", "127.0.0.1", 5432, "sales", "public", 10));
    assertThat(defaults.kind()).isEqualTo(StoreSpec.Kind.POSTGRESQL);
    assertThat(defaults).hasToString("postgresql://sf@127.0.0.1:5432/sales");
    assertThat(StoreSpec.parse("postgresql://sf@[::1]:5433/sales?schema=x", BASE))
        .isEqualTo(new StoreSpec.Postgres("sf", "::1", 5433, "sales", "x", 10))
        .hasToString("postgresql://sf@[::1]:5433/sales?schema=x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql://127.0.0.1:5432/sales", "postgresql://sf@127.0.0.1:5432/", "postgresql://sf@h:0/d",
      "postgresql://sf@h:port/d", "postgresql://sf@h/d?schema=Bad-Name", "postgresql://sf@h/d?sslmode=off",
      "postgresql://sf@h/d?connect_timeout=0", "postgresql://sf@h/a/b"})
  void aMalformedPostgresSpecIsRefused(String spec) {
    assertThatThrownBy(() -> StoreSpec.parse(spec, BASE)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("store '" + spec + "'");
  }

  @Test
  void aPostgresSpecWithAPasswordIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> StoreSpec.parse("postgresql://sf:s3cret@h:5432/sales", BASE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must not hold a password")
        .hasMessageNotContaining("s3cret");
  }
}
