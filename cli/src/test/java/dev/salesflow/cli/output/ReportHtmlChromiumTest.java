package dev.salesflow.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.HeadlessChromium;
import dev.salesflow.cli.TestWorkspaces;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the html report of the example workspace in real headless Chromium: the page must load
 * without console errors, its SVG charts must be in the DOM with bars of non-zero size, and the
 * screenshot must show the bars in their colours. Skipped only when Chromium is missing outside CI
 * ({@code .ci/run} installs it, so in CI it always runs).
 */
class ReportHtmlChromiumTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";

  @TempDir Path tmp;

  @Test
  void theReportPageRendersItsChartsInHeadlessChromium() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.orSkip(tmp);

    Path ws = tmp.resolve("ws");
    TestWorkspaces.examplesAt(ws);
    CliRun run = CliRun.in(tmp, "-w", ws.toString(), "--now", NOW, "report", "all", "--format", "html");
    assertThat(run.code()).as(run.err()).isZero();
    String html = run.out();
    assertThat(html).doesNotContain("<script", "<link", "src=", "@import", "url(");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://");
    Path page = tmp.resolve("report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);

    HeadlessChromium.Run dom = chromium.run("--dump-dom", page.toUri().toString());
    assertThat(dom.code()).as(dom.log()).isZero();
    assertThat(HeadlessChromium.consoleErrors(dom.log())).as("console errors").isEmpty();
    for (String chart : List.of("funnel-funnel", "sla-compliance", "aging-open", "owners-open")) {
      String svg = svgOf(dom.out(), chart);
      assertThat(attribute(svg, "svg", "width")).as(chart + " width").isGreaterThan(0);
      assertThat(attribute(svg, "svg", "height")).as(chart + " height").isGreaterThan(0);
      List<Double> bars = barWidths(svg);
      assertThat(bars).as(chart + " bars").isNotEmpty().allMatch(w -> w > 0);
    }
    assertThat(barWidths(svgOf(dom.out(), "funnel-funnel"))).as("funnel bars narrow stage by stage").isSortedAccordingTo(
        (a, b) -> Double.compare(b, a)).hasSize(7);

    Path png = tmp.resolve("report.png");
    HeadlessChromium.Run shot = chromium.run("--screenshot=" + png, "--window-size=1200,2000", page.toUri().toString());
    assertThat(shot.code()).as(shot.log()).isZero();
    assertThat(HeadlessChromium.consoleErrors(shot.log())).as("console errors").isEmpty();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(pixels(image, 0x2f6db5)).as("funnel bars on screen").isGreaterThan(5_000);
    assertThat(pixels(image, 0x2e8b57)).as("compliant rules (green) on screen").isGreaterThan(1_000);
    assertThat(pixels(image, 0xd99a00)).as("fair rules (amber) on screen").isGreaterThan(1_000);
    assertThat(pixels(image, 0xc0392b)).as("poor rules (red) on screen").isGreaterThan(1_000);
  }

  @Test
  void theConsoleCheckSeesAPageThatFails() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.orSkip(tmp);
    Path page = tmp.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><html><body><script>throw new Error('kaput')</script></body></html>");
    HeadlessChromium.Run dom = chromium.run("--dump-dom", page.toUri().toString());
    assertThat(HeadlessChromium.consoleErrors(dom.log())).anyMatch(l -> l.contains("kaput"));
  }

  private static String svgOf(String dom, String chart) {
    Matcher m = Pattern.compile("<figure[^>]*id=\"chart-" + Pattern.quote(chart) + "\"[^>]*>.*?(<svg.*?</svg>)", Pattern.DOTALL)
        .matcher(dom);
    assertThat(m.find()).as("chart %s in the DOM", chart).isTrue();
    return m.group(1);
  }

  private static double attribute(String svg, String element, String name) {
    Matcher m = Pattern.compile("<" + element + "\\b[^>]*\\b" + name + "=\"([0-9.]+)\"").matcher(svg);
    assertThat(m.find()).as("%s %s", element, name).isTrue();
    return Double.parseDouble(m.group(1));
  }

  /** Widths of the coloured bars (not the grey tracks behind percentages). */
  private static List<Double> barWidths(String svg) {
    Matcher m = Pattern.compile("<rect class=\"bar[^\"]*\"[^>]*\\bwidth=\"([0-9.]+)\"").matcher(svg);
    List<Double> widths = new ArrayList<>();
    while (m.find()) {
      widths.add(Double.parseDouble(m.group(1)));
    }
    return widths;
  }

  private static long pixels(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 6 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 6
            && Math.abs((p & 0xff) - (rgb & 0xff)) <= 6) {
          count++;
        }
      }
    }
    return count;
  }
}
