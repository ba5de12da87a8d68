package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.core.model.RegistrationField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The core's problems are values: registration and column problems, a folder without a workspace.
 * {@code register}, {@code import} and the rest word them with their own commands and flags, in
 * exactly the words they have always used.
 */
class ProblemWordingTest {
  @TempDir Path dir;
  Path ws;

  @BeforeEach
  void init() {
    ws = dir.resolve("ws");
    assertThat(CliRun.in(dir, "init", ws.toString()).code()).isZero();
  }

  private CliRun sf(String... args) {
    List<String> all = new ArrayList<>(List.of("-w", ws.toString(), "--now", "2026-11-26T18:00:00+08:00"));
    all.addAll(List.of(args));
    return CliRun.in(dir, all.toArray(String[]::new));
  }

  @Test
  void everyRegistrationFieldIsAnOptionOfRegisterAndItsOwnRequiredOnesAreSaidSo() {
    CommandSpec spec = CommandSpec.forAnnotatedObject(new RegisterCommand());
    for (RegistrationField field : RegistrationField.values()) {
      assertThat(spec.findOption("--" + field.flag())).as(field.name()).isNotNull();
      String description = String.join(" ", spec.findOption("--" + field.flag()).description());
      assertThat(description.contains("(required)")).as(field.name()).isEqualTo(field.required());
    }
    assertThat(spec.options()).hasSize(RegistrationField.values().length + 3); // and --help, --version, --dry-run
  }

  @Test
  void registerNamesEveryProblemByItsFlag() {
    CliRun r = sf("register", "--company", "X", "--priority", "D", "--source", "fax", "--email", "bad", "--id", "../x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("salesflow: cannot register: missing --industry; missing --contact-name; missing --owner;"
        + " unknown source 'fax' (known: exhibition, online, referral, research, other);"
        + " priority must be A, B or C, got 'D'; email 'bad' is not an e-mail address;"
        + " invalid id '../x': a case id is 1-128 letters, digits, '-' or '_', starting with a letter or digit,"
        + " and not a reserved device name such as CON\n");
  }

  @Test
  void importNamesEveryColumnProblemWithTheFlagsThatFixIt() throws IOException {
    Path file = dir.resolve("expo.csv");
    Files.writeString(file, "客户,行业,公司名称,公司,联系人\nx,y,z,w,v\n", StandardCharsets.UTF_8);
    CliRun r = sf("import", "--map", "展位=company", "--map", "联系人=shoe", "--default", "owner=li.na", file.toString());
    assertThat(r.code()).isEqualTo(2);
    // the columns are listed once, at the end, however many problems there are
    assertThat(r.err()).isEqualTo("salesflow: --map 展位=company: the file has no column '展位'"
        + "; --map 联系人=shoe: unknown field 'shoe' (fields: id, company, industry, size, contact_name, contact_title,"
        + " phone, email, source, priority, owner, need, registered_at, stage, stage_at, amount, reason, ignore)"
        + "; columns '公司名称' and '公司' both give company (use --map COLUMN=ignore for one of them)"
        + "; no column gives contact_name; use --map COLUMN=contact_name or --default contact_name=VALUE"
        + "; no column gives source; use --map COLUMN=source or --default source=VALUE"
        + "; no column gives priority; use --map COLUMN=priority or --default priority=VALUE"
        + "; the file's columns: 客户, 行业, 公司名称, 公司, 联系人\n");
  }

  @Test
  void importNamesARowsMissingFieldsByTheirColumns() throws IOException {
    Path file = dir.resolve("leads.csv");
    Files.writeString(file, "company,industry,contact_name,source,priority,owner,registered_at\n"
        + "A,,a,展会,Z,,yesterday\n", StandardCharsets.UTF_8);
    CliRun r = sf("import", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith(file + ": row 2: missing industry; missing owner; registered_at 'yesterday' is not ")
        .endsWith("; priority must be A, B or C, got 'Z'\n");
  }

  @Test
  void aFolderWithoutSettingsIsWordedWithTheCommandsThatFixIt() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliRun r = CliRun.in(dir, "-w", empty.toString(), "list");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("salesflow: no salesflow.yaml in " + empty
        + " (run 'salesflow init' to create a workspace, or pass --workspace DIR)\n");
  }
}
