package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line: drawn in place for long work on a terminal, erased after, absent otherwise. */
class ProgressBarTest {
  @TempDir Path tmp;

  @Test
  void drawsInPlaceAndErasesItself() {
    StringWriter err = new StringWriter();
    try (ProgressBar bar = new ProgressBar(new PrintWriter(err), "checking", "files", 2000, ProgressBar.THRESHOLD)) {
      bar.accept(1);
      bar.accept(1000);
      bar.accept(2000);
    }
    String drawn = err.toString();
    assertThat(drawn).startsWith("\rchecking [>").contains("2,000/2,000 files").endsWith("\r\u001b[K");
    assertThat(drawn).doesNotContain("\n");
  }

  @Test
  void lineShowsTheShareDone() {
    assertThat(ProgressBar.line(450, 1000, "checking", "files"))
        .isEqualTo("checking [=============>                ]  45%  450/1,000 files");
    assertThat(ProgressBar.line(1000, 1000, "checking", "files"))
        .isEqualTo("checking [==============================] 100%  1,000/1,000 files");
  }

  @Test
  void shortWorkAndProgressOutOfOrderDrawNothingOrNeverGoBack() {
    StringWriter err = new StringWriter();
    try (ProgressBar bar = new ProgressBar(new PrintWriter(err), "checking", "files", ProgressBar.THRESHOLD, ProgressBar.THRESHOLD)) {
      bar.accept(10);
    }
    assertThat(err.toString()).isEmpty();
    StringWriter err2 = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err2), "checking", "files", 5000, ProgressBar.THRESHOLD);
    bar.accept(5000);
    bar.accept(10);
    assertThat(err2.toString()).contains("5,000/5,000").doesNotContain(" 10/5,000");
  }

  @Test
  void withoutATerminalNothingIsPrintedAndNothingIsCounted() {
    CliContext dumb = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Map.of("TERM", "dumb"), tmp);
    ProgressBar bar = ProgressBar.over(dumb, false, "checking", "files", () -> {
      throw new AssertionError("counted without a terminal");
    }, ProgressBar.THRESHOLD);
    assertThat(bar.visible()).isFalse();
  }

  @Test
  void countsTheYamlFilesCheckWillRead() throws Exception {
    Files.createDirectories(tmp.resolve("cases/.hidden"));
    Files.createDirectories(tmp.resolve("cases/more"));
    Files.writeString(tmp.resolve("cases/a.yaml"), "");
    Files.writeString(tmp.resolve("cases/more/b.yaml"), "");
    Files.writeString(tmp.resolve("cases/.hidden/c.yaml"), "");
    Files.writeString(tmp.resolve("cases/.d.yaml"), "");
    Files.writeString(tmp.resolve("cases/notes.txt"), "");
    Files.writeString(tmp.resolve("single.yaml"), "");
    assertThat(ProgressBar.countYamlFiles(List.of(tmp.resolve("cases"), tmp.resolve("single.yaml")))).isEqualTo(3);
  }
}
