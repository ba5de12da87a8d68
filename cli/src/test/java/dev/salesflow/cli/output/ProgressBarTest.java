package dev.salesflow.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line: drawn in place for long work on a terminal, erased after, absent otherwise. */
class ProgressBarTest {
  @TempDir Path tmp;

  @Test
  void drawsInPlaceAndErasesItself() {
    StringWriter err = new StringWriter();
    try (ProgressBar bar = new ProgressBar(new PrintWriter(err), "checking", "files", true, ProgressBar.THRESHOLD)) {
      bar.update(1, 2000);
      bar.update(1000, 2000);
      bar.update(2000, 2000);
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
    try (ProgressBar bar = new ProgressBar(new PrintWriter(err), "checking", "files", true, ProgressBar.THRESHOLD)) {
      bar.update(10, ProgressBar.THRESHOLD);
    }
    assertThat(err.toString()).isEmpty();
    StringWriter err2 = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err2), "checking", "files", true, ProgressBar.THRESHOLD);
    bar.update(5000, 5000);
    bar.update(10, 5000);
    assertThat(err2.toString()).contains("5,000/5,000").doesNotContain(" 10/5,000");
  }

  @Test
  void withoutATerminalNothingIsPrinted() {
    StringWriter err = new StringWriter();
    CliContext dumb = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of("TERM", "dumb"), tmp);
    try (ProgressBar bar = ProgressBar.over(dumb, false, "checking", "files", ProgressBar.THRESHOLD)) {
      bar.update(2000, 2000);
    }
    assertThat(err.toString()).isEmpty();
  }
}
