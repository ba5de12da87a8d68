package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The CLI is built on the library's public API alone: jdeps lists every core class its bytecode
 * refers to (including types reached through {@code var} and method chains), and each must be in
 * {@code dev.salesflow.core.api} (the facade) and {@code dev.salesflow.core.model} (its values), the packages the module exports.
 */
class ApiOnlyTest {
  private static final Pattern CORE_DEPENDENCY = Pattern.compile("->\\s+(dev\\.salesflow\\.core\\.[\\w.$]+)");

  @Test
  void cliClassesReferOnlyToTheCoreApi() {
    String report = jdeps("-verbose:class", "-cp", Path.of("../core/target/classes").toString(),
        Path.of("target/classes").toString());
    List<String> core = CORE_DEPENDENCY.matcher(report).results().map(m -> m.group(1)).distinct().toList();

    assertThat(core).as("core classes the CLI uses").contains("dev.salesflow.core.api.Salesflow");
    assertThat(core).as("core classes outside the API that the CLI uses")
        .allMatch(name -> name.startsWith("dev.salesflow.core.api.") || name.startsWith("dev.salesflow.core.model."));
  }

  private static String jdeps(String... args) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
    StringWriter out = new StringWriter();
    int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), args);
    assertThat(code).as("jdeps exit code; output:%n%s", out).isZero();
    return out.toString();
  }
}
