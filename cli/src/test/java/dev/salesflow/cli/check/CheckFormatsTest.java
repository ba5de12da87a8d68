package dev.salesflow.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The machine formats of {@code check}: junit validated against Jenkins' JUnit XSD, sarif against
 * the SARIF 2.1.0 schema, github annotations and their escaping, json's shape.
 */
class CheckFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path corpus;
  static Path examples;
  static Schema junitXsd;
  static JsonSchema sarifSchema;

  @BeforeAll
  static void setUp() throws Exception {
    corpus = tmp.resolve("corpus");
    Trees.copyCorpus(corpus);
    examples = tmp.resolve("examples");
    Trees.copy(Trees.EXAMPLES, examples);
    junitXsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(reference("jenkins-xunit-junit-10.xsd"));
    try (InputStream in = reference("sarif-schema-2.1.0.json").openStream()) {
      sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  /** A reference schema from the test resources (their sources and licences: reference/README.md). */
  private static URL reference(String file) {
    URL url = CheckFormatsTest.class.getResource("/reference/" + file);
    assertThat(url).as("test resource reference/%s", file).isNotNull();
    return url;
  }

  // ---------------------------------------------------------------- junit

  private static void validateJunit(String xml) throws SAXException, IOException {
    junitXsd.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static Element testcase(Document doc, String name) {
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("name").equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no testcase named " + name);
  }

  @Test
  void junitOfTheCorpusIsValidWithOneFailingTestcasePerBadCaseFile() throws Exception {
    CliRun run = CliRun.in(corpus, "check", "--now", TestWorkspaces.NOW, "--format", "junit");
    assertThat(run.code()).as("%s", run).isEqualTo(1);
    assertThatCode(() -> validateJunit(run.out())).as(run.out()).doesNotThrowAnyException();

    Document doc = parse(run.out());
    List<String> caseFiles = Corpus.caseFiles().map(f -> "cases/" + f).toList();
    NodeList testcases = doc.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < testcases.getLength(); i++) {
      names.add(((Element) testcases.item(i)).getAttribute("name"));
    }
    List<String> expectedNames = new ArrayList<>(List.of("salesflow.yaml"));
    expectedNames.addAll(caseFiles);
    assertThat(names).containsExactlyInAnyOrderElementsOf(expectedNames);

    int failing = 0;
    for (String caseFile : Corpus.caseFiles().toList()) {
      List<String> expected = Corpus.expected(caseFile, corpus);
      List<String> errors = expected.stream().filter(l -> l.contains(": error: ")).toList();
      List<String> warnings = expected.stream().filter(l -> l.contains(": warning: ")).toList();
      Element tc = testcase(doc, "cases/" + caseFile);
      NodeList failures = tc.getElementsByTagName("failure");
      if (errors.isEmpty()) {
        assertThat(failures.getLength()).as(caseFile).isZero();
      } else {
        failing++;
        assertThat(failures.getLength()).as(caseFile).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        Matcher first = Corpus.HEADLINE.matcher(errors.get(0));
        assertThat(first.matches()).isTrue();
        assertThat(failure.getAttribute("type")).isEqualTo(first.group("code"));
        assertThat(failure.getAttribute("message")).isEqualTo(errors.size() + " error(s); first: " + first.group("message"));
        assertThat(failure.getTextContent()).isEqualTo(String.join("\n", errors));
      }
      NodeList out = tc.getElementsByTagName("system-out");
      if (warnings.isEmpty()) {
        assertThat(out.getLength()).as(caseFile).isZero();
      } else {
        assertThat(out.item(0).getTextContent()).isEqualTo(String.join("\n", warnings));
      }
    }
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(expectedNames.size()));
    assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(failing));
    assertThat(failing).isGreaterThanOrEqualTo(20);
  }

  @Test
  void junitOfTheCleanExampleWorkspaceIsValidAndPasses() throws Exception {
    CliRun run = CliRun.in(examples, "check", "--now", TestWorkspaces.NOW, "--format", "junit");
    assertThat(run.code()).as("%s", run).isZero();
    assertThatCode(() -> validateJunit(run.out())).as(run.out()).doesNotThrowAnyException();
    Document doc = parse(run.out());
    long caseFiles;
    try (var files = Files.list(examples.resolve("cases"))) {
      caseFiles = files.filter(p -> p.toString().endsWith(".yaml")).count();
    }
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo((int) caseFiles + 1);
    assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
    // the examples' breached clocks are warnings: noted, not failed
    assertThat(doc.getElementsByTagName("system-out").getLength()).isPositive();
  }

  @Test
  void theXsdReallyRejectsInvalidJunit() throws Exception {
    String valid = CliRun.in(corpus, "check", "--now", TestWorkspaces.NOW, "--format", "junit").out();
    String noName = valid.replaceFirst("<testcase classname=\"salesflow.check\" name=\"[^\"]*\"", "<testcase classname=\"salesflow.check\"");
    String badChild = valid.replaceFirst("<failure ", "<oops ").replaceFirst("</failure>", "</oops>");
    assertThat(noName).isNotEqualTo(valid);
    assertThat(badChild).isNotEqualTo(valid);
    assertThatThrownBy(() -> validateJunit(noName)).isInstanceOf(SAXException.class);
    assertThatThrownBy(() -> validateJunit(badChild)).isInstanceOf(SAXException.class);
  }

  @Test
  void junitEscapesMarkupInMessages() throws Exception {
    Path ws = tmp.resolve("markup");
    Trees.copyCorpus(ws);
    Files.writeString(ws.resolve("cases/priority-d.yaml"),
        Files.readString(ws.resolve("cases/priority-d.yaml")).replace("priority: D", "priority: \"<D & 'E'>\""));
    CliRun run = CliRun.in(ws, "check", "--now", TestWorkspaces.NOW, "--format", "junit", "cases/priority-d.yaml");
    assertThatCode(() -> validateJunit(run.out())).as(run.out()).doesNotThrowAnyException();
    Element failure = (Element) parse(run.out()).getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("1 error(s); first: priority must be A, B or C, got '<D & 'E'>'");
  }

  // ---------------------------------------------------------------- sarif

  private static Set<ValidationMessage> validateSarif(JsonNode sarif) {
    return sarifSchema.validate(sarif);
  }

  private static JsonNode result(JsonNode sarif, String uri, int line) {
    for (JsonNode r : sarif.at("/runs/0/results")) {
      JsonNode loc = r.at("/locations/0/physicalLocation");
      if (loc.at("/artifactLocation/uri").asText().equals(uri) && loc.at("/region/startLine").asInt() == line) {
        return r;
      }
    }
    throw new AssertionError("no result at " + uri + ":" + line);
  }

  @Test
  void sarifOfTheCorpusIsValidSarif210WithRulesAndPhysicalLocations() throws Exception {
    CliRun run = CliRun.in(corpus, "check", "--now", TestWorkspaces.NOW, "--format", "sarif");
    assertThat(run.code()).as("%s", run).isEqualTo(1);
    JsonNode sarif = JSON.readTree(run.out());
    assertThat(validateSarif(sarif)).as(run.out()).isEmpty();
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");

    JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
    JsonNode priority = result(sarif, "cases/priority-d.yaml", 8);
    assertThat(priority.get("ruleId").asText()).isEqualTo("SF104");
    assertThat(priority.get("level").asText()).isEqualTo("error");
    assertThat(priority.at("/message/text").asText()).isEqualTo("priority must be A, B or C, got 'D'");
    assertThat(priority.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(8);
    assertThat(priority.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(11);
    assertThat(rules.get(priority.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("SF104");
    assertThat(rules.get(priority.get("ruleIndex").asInt()).get("name").asText()).isEqualTo("bad-value");

    JsonNode field = result(sarif, "cases/unknown-event-field.yaml", 13);
    assertThat(field.get("ruleId").asText()).isEqualTo("SF101");
    assertThat(field.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(69);

    JsonNode breached = result(sarif, "cases/sla-breached.yaml", 10);
    assertThat(breached.get("ruleId").asText()).isEqualTo("SF301");
    assertThat(breached.get("level").asText()).isEqualTo("warning");
    assertThat(breached.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(16);

    // one result per finding, every rule referenced is declared, every region 1-based
    assertThat(sarif.at("/runs/0/results").size()).isEqualTo(Corpus.headlines(
        CliRun.in(corpus, "check", "--now", TestWorkspaces.NOW)).size());
    for (JsonNode r : sarif.at("/runs/0/results")) {
      assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
      assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
      assertThat(r.at("/locations/0/physicalLocation/region/startColumn").asInt()).isPositive();
    }
  }

  @Test
  void sarifOfTheExamplesIsValidAndHoldsOnlyWarnings() throws Exception {
    CliRun run = CliRun.in(examples, "check", "--now", TestWorkspaces.NOW, "--format", "sarif");
    assertThat(run.code()).as("%s", run).isZero();
    JsonNode sarif = JSON.readTree(run.out());
    assertThat(validateSarif(sarif)).isEmpty();
    assertThat(sarif.at("/runs/0/results").size()).isPositive();
    for (JsonNode r : sarif.at("/runs/0/results")) {
      assertThat(r.get("level").asText()).isEqualTo("warning");
    }
  }

  @Test
  void theSarifSchemaReallyRejectsInvalidSarif() throws Exception {
    JsonNode valid = JSON.readTree(CliRun.in(corpus, "check", "--now", TestWorkspaces.NOW, "--format", "sarif").out());
    JsonNode zeroLine = valid.deepCopy();
    ((ObjectNode) zeroLine.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
    JsonNode badLevel = valid.deepCopy();
    ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
    JsonNode noVersion = valid.deepCopy();
    ((ObjectNode) noVersion).remove("version");
    assertThat(validateSarif(zeroLine)).isNotEmpty();
    assertThat(validateSarif(badLevel)).isNotEmpty();
    assertThat(validateSarif(noVersion)).isNotEmpty();
  }

  @Test
  void sarifUrisArePercentEncoded() throws Exception {
    Path ws = tmp.resolve("sarif-uri");
    Trees.copyCorpus(ws);
    Files.createDirectories(ws.resolve("a,b:c d"));
    Files.copy(ws.resolve("cases/priority-d.yaml"), ws.resolve("a,b:c d/priority-d.yaml"));
    CliRun run = CliRun.in(ws, "check", "--now", TestWorkspaces.NOW, "--format", "sarif", "a,b:c d");
    JsonNode sarif = JSON.readTree(run.out());
    assertThat(validateSarif(sarif)).isEmpty();
    assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("a%2Cb%3Ac%20d/priority-d.yaml");
  }

  // ---------------------------------------------------------------- github

  /** A workspace with bad files in a folder whose name needs escaping in a property. */
  private static Path githubWorkspace() throws IOException {
    Path ws = tmp.resolve("github");
    if (!Files.exists(ws)) {
      Trees.copyCorpus(ws);
      Path odd = Files.createDirectories(ws.resolve("a,b:c"));
      Files.copy(ws.resolve("cases/priority-d.yaml"), odd.resolve("priority-d.yaml"));
      Files.writeString(odd.resolve("escapes.yaml"),
          Files.readString(ws.resolve("cases/unknown-source.yaml"), StandardCharsets.UTF_8)
              .replace("id: unknown-source", "id: escapes")
              .replace("source: tradeshow", "source: \"100%\\r\\nfair\""),
          StandardCharsets.UTF_8);
    }
    return ws;
  }

  private static final String KNOWN_SOURCES = "(known: exhibition, online, referral, research, other)";

  @Test
  void githubAnnotationsEscapeMessagesAndProperties() throws IOException {
    Path ws = githubWorkspace();
    CliRun run = CliRun.in(ws, "check", "--now", TestWorkspaces.NOW, "--format", "github", "a,b:c");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(
        "::error file=a%2Cb%3Ac/escapes.yaml,line=7,col=9,title=SF104 bad-value::unknown source '100%25%0D%0Afair' "
            + KNOWN_SOURCES + "\n"
            + "::error file=a%2Cb%3Ac/priority-d.yaml,line=8,col=11,title=SF104 bad-value::priority must be A, B or C, got 'D'\n");
    CliRun file = CliRun.in(ws, "check", "--now", TestWorkspaces.NOW, "--format", "github", "a,b:c/priority-d.yaml");
    assertThat(file.out()).isEqualTo(
        "::error file=a%2Cb%3Ac/priority-d.yaml,line=8,col=11,title=SF104 bad-value::priority must be A, B or C, got 'D'\n");
  }

  @Test
  void githubWarningsAndErrorsOfTheCorpus() throws IOException {
    CliRun run = CliRun.in(corpus, "check", "--now", TestWorkspaces.NOW, "--format", "github");
    assertThat(run.code()).isEqualTo(1);
    List<String> lines = run.outLines();
    assertThat(lines).contains(
        "::warning file=cases/sla-breached.yaml,line=10,col=16,title=SF301 sla-breached::SLA first-contact breached: "
            + "due 2026-11-18T23:59:59+08:00, still open",
        "::warning file=cases/sla-late.yaml,line=14,col=5,title=SF302 sla-late::SLA needs-record met late: "
            + "due 2026-11-03T14:00:00+08:00, done 2026-11-03T20:00:00+08:00",
        "::error file=cases/unknown-top-field.yaml,line=11,col=1,title=SF101 unknown-field::unknown field 'stage' "
            + "(known: id, customer, source, priority, owner, registered_at, needs, events)");
    // one annotation per finding, in the order of the text output
    List<String> expected = new ArrayList<>();
    for (String headline : Corpus.headlines(CliRun.in(corpus, "check", "--now", TestWorkspaces.NOW))) {
      Matcher m = Corpus.HEADLINE.matcher(headline);
      assertThat(m.matches()).isTrue();
      expected.add("::" + m.group("severity") + " file=" + m.group("file") + ",line=" + m.group("line") + ",col=" + m.group("col")
          + ",title=" + m.group("code") + " " + m.group("slug") + "::" + m.group("message").replace("%", "%25"));
    }
    assertThat(lines).containsExactlyElementsOf(expected);
  }

  @Test
  void githubActionsEnvironmentPicksTheGithubFormat() throws IOException {
    Path ws = githubWorkspace();
    Map<String, String> actions = Map.of("GITHUB_ACTIONS", "true");
    CliRun auto = CliRun.in(ws, actions, "check", "--now", TestWorkspaces.NOW, "a,b:c/priority-d.yaml");
    assertThat(auto.out()).isEqualTo(
        "::error file=a%2Cb%3Ac/priority-d.yaml,line=8,col=11,title=SF104 bad-value::priority must be A, B or C, got 'D'\n");
    assertThat(auto.code()).isEqualTo(1);
    CliRun explicit = CliRun.in(ws, actions, "check", "--now", TestWorkspaces.NOW, "--format", "text", "a,b:c/priority-d.yaml");
    assertThat(explicit.out()).startsWith("a,b:c/priority-d.yaml:8:11: error: priority must be A, B or C, got 'D' [SF104 bad-value]\n");
    CliRun json = CliRun.in(ws, actions, "check", "--now", TestWorkspaces.NOW, "--format", "json", "a,b:c/priority-d.yaml");
    assertThat(json.out()).startsWith("{");
    CliRun notActions = CliRun.in(ws, Map.of("GITHUB_ACTIONS", "false"), "check", "--now", TestWorkspaces.NOW, "a,b:c/priority-d.yaml");
    assertThat(notActions.out()).startsWith("a,b:c/priority-d.yaml:8:11: error: ");
  }

  // ---------------------------------------------------------------- json

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    CliRun run = CliRun.in(corpus, "check", "--now", TestWorkspaces.NOW, "--format", "json");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).as("machine output goes to stdout alone").isEmpty();
    JsonNode json = JSON.readTree(run.out());
    assertThat(fieldNames(json)).containsExactly("files", "errors", "warnings", "imported", "findings");
    List<String> text = Corpus.headlines(CliRun.in(corpus, "check", "--now", TestWorkspaces.NOW));
    assertThat(json.get("files").asInt()).isEqualTo((int) Corpus.caseFiles().count() + 1);
    assertThat(json.get("errors").asInt()).isEqualTo((int) text.stream().filter(l -> l.contains(": error: ")).count());
    assertThat(json.get("warnings").asInt()).isEqualTo(2);
    assertThat(json.get("findings").size()).isEqualTo(text.size());
    for (int i = 0; i < text.size(); i++) {
      JsonNode f = json.get("findings").get(i);
      assertThat(fieldNames(f)).containsExactly("file", "line", "column", "severity", "code", "name", "message", "case");
      assertThat(f.get("line").isInt()).isTrue();
      assertThat(f.get("column").isInt()).isTrue();
      assertThat(f.get("file").asText() + ":" + f.get("line").asInt() + ":" + f.get("column").asInt() + ": "
          + f.get("severity").asText() + ": " + f.get("message").asText() + " [" + f.get("code").asText() + " " + f.get("name").asText() + "]")
          .isEqualTo(text.get(i));
    }
    JsonNode priority = finding(json, "cases/priority-d.yaml");
    assertThat(priority.get("case").asText()).isEqualTo("priority-d");
    assertThat(priority.get("code").asText()).isEqualTo("SF104");
    assertThat(priority.get("name").asText()).isEqualTo("bad-value");
    assertThat(finding(json, "cases/id-mismatch.yaml").get("case").asText()).isEqualTo("ACME-2026-001");
    assertThat(finding(json, "cases/unpaired-issue.yaml").get("case").asText()).isEqualTo("unpaired-issue");
    // before the file could be parsed there is no id to name
    assertThat(finding(json, "cases/syntax-error.yaml").get("case").isNull()).isTrue();
  }

  private static JsonNode finding(JsonNode json, String file) {
    for (JsonNode f : json.get("findings")) {
      if (f.get("file").asText().equals(file)) {
        return f;
      }
    }
    throw new AssertionError("no finding in " + file);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
