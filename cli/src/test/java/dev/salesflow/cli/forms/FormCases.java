package dev.salesflow.cli.forms;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A workspace made by {@code init}, with case files written line by line, for the forms tests. */
public final class FormCases {
  public static final String NOW = "2026-11-26T18:00:00+08:00";
  public static final String HEADER = """
      id: %s
      customer:
        company: 苏州精工机械有限公司
        industry: manufacturing
        contact: {name: 王磊, title: 采购经理, phone: "+86 512 5555 0101"}
      source: exhibition
      priority: A
      owner: zhang.wei
      registered_at: 2026-11-02T09:30:00+08:00
      events:
      """;
  /** The events that bring a case to delivery, with no form filled in (as cases written before forms). */
  public static final String TO_DELIVERY = """
        - {at: 2026-11-03T10:00:00+08:00, type: meeting, by: zhang.wei}
        - {at: 2026-11-03T11:00:00+08:00, type: advance, to: needs, by: zhang.wei}
        - {at: 2026-11-03T12:00:00+08:00, type: requirements_recorded, by: zhang.wei}
        - {at: 2026-11-03T13:00:00+08:00, type: requirements_confirmed, by: zhang.wei}
        - {at: 2026-11-03T14:00:00+08:00, type: analysis_reported, by: zhang.wei}
        - {at: 2026-11-03T15:00:00+08:00, type: advance, to: solution, by: zhang.wei}
        - {at: 2026-11-04T10:00:00+08:00, type: solution_drafted, by: zhang.wei}
        - {at: 2026-11-04T11:00:00+08:00, type: feasibility_checked, by: zhang.wei}
        - {at: 2026-11-04T12:00:00+08:00, type: cost_checked, by: zhang.wei}
        - {at: 2026-11-04T13:00:00+08:00, type: price_reviewed, by: zhang.wei}
        - {at: 2026-11-04T14:00:00+08:00, type: solution_reviewed, by: zhang.wei, result: approved}
        - {at: 2026-11-04T15:00:00+08:00, type: advance, to: negotiation, by: zhang.wei}
        - {at: 2026-11-05T10:00:00+08:00, type: negotiation_prepared, by: zhang.wei}
        - {at: 2026-11-05T11:00:00+08:00, type: contract_reviewed, by: zhang.wei}
        - {at: 2026-11-05T12:00:00+08:00, type: contract_signed, by: zhang.wei, amount: 680000}
        - {at: 2026-11-05T13:00:00+08:00, type: advance, to: delivery, by: zhang.wei}
        - {at: 2026-11-06T10:00:00+08:00, type: order_created, by: zhang.wei, model: ACME-DS-40, quantity: 1}
        - {at: 2026-11-06T11:00:00+08:00, type: order_reviewed, by: zhang.wei}
      """;

  public final Path dir;
  public final Path ws;

  public FormCases(Path dir) {
    this.dir = dir;
    this.ws = dir.resolve("ws");
    CliRun init = CliRun.in(dir, "init", "ws");
    if (init.code() != 0) {
      throw new IllegalStateException(init.toString());
    }
  }

  /** Writes {@code cases/ID.yaml}: the header, then {@code events} (lines of "  - {...}"). */
  public Path writeCase(String id, String events) throws IOException {
    Path file = ws.resolve("cases").resolve(id + ".yaml");
    Files.writeString(file, HEADER.formatted(id) + events);
    return file;
  }

  /** Appends {@code line} to {@code salesflow.yaml}. */
  public void setting(String line) throws IOException {
    Files.writeString(ws.resolve("salesflow.yaml"), Files.readString(ws.resolve("salesflow.yaml")) + line + "\n");
  }

  /** Writes {@code name} in the test folder (where commands run) and returns its name. */
  public String file(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
    return name;
  }

  /** salesflow in the test folder, on the workspace, at {@link #NOW}. */
  public CliRun sf(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "-w";
    all[1] = ws.toString();
    all[2] = "--now";
    all[3] = NOW;
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.in(dir, all);
  }
}
