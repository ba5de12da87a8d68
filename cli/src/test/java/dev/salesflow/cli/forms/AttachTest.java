package dev.salesflow.cli.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** salesflow attach: the file kept by its SHA-256, an event with the hash, check verifying both. */
class AttachTest {
  @TempDir Path dir;
  FormCases w;

  @BeforeEach
  void workspace() {
    w = new FormCases(dir);
  }

  @Test
  void anAttachedFileIsKeptByItsHashAndCheckFindsItMissingOrChanged() throws Exception {
    Path caseFile = w.writeCase("SF-2026-001", FormCases.TO_DELIVERY);
    byte[] scan = "%PDF-1.4 contract scan 合同扫描件".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(dir.resolve("contract.pdf"), scan);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));

    CliRun attach = w.sf("attach", "SF-2026-001", "contract.pdf", "--as", "contract_scan", "--at", "2026-11-06T12:00");
    assertThat(attach.code()).as(attach.toString()).isZero();
    Path stored = w.ws.resolve("attachments").resolve(sha);
    assertThat(stored).hasBinaryContent(scan);
    assertThat(Files.readString(caseFile)).contains("type: attached, sha256: " + sha, "size: " + scan.length,
        "name: contract.pdf", "kind: contract_scan");
    assertThat(w.sf("check").code()).isZero();

    Files.writeString(stored, "edited");
    CliRun changed = w.sf("check");
    assertThat(changed.code()).isEqualTo(1);
    assertThat(changed.out()).contains("(attachment contract.pdf): its file attachments/" + sha
        + " was changed: its SHA-256 is now", "[SF209 bad-attachment]");
    Files.delete(stored);
    assertThat(w.sf("check").out()).contains("its file attachments/" + sha + " is missing [SF209 bad-attachment]");
  }

  @Test
  void aMissingFileOrARefusedEventStoresNothing() throws Exception {
    w.writeCase("SF-2026-001", FormCases.TO_DELIVERY);
    CliRun missing = w.sf("attach", "SF-2026-001", "nope.pdf");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot attach", "nope.pdf: no such regular file");
    Files.writeString(dir.resolve("a.pdf"), "x");
    CliRun early = w.sf("attach", "SF-2026-001", "a.pdf", "--at", "2026-10-01T10:00");
    assertThat(early.code()).isEqualTo(1);
    assertThat(w.ws.resolve("attachments")).doesNotExist();
  }
}
