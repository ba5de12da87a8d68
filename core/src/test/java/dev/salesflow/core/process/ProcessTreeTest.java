package dev.salesflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Jackson-free binding of process files gives what Jackson gives, or steps aside. */
class ProcessTreeTest {
  private static final String MINIMAL = """
      id: p
      stages:
        - id: a
          exit:
            - {require: event, type: t, where: {result: ok}}
            - {require: approval, type: t, before: t, amount_field: amount, threshold: 500}
            - {require: paired, start: t, stop: t, match: issue}
            - require: registration
              fields: [customer.company]
      closed: {id: closed}
      lost: {id: lost, labels: {en: Lost}}
      event_types: {t: {required: issue}}
      event_fields: {issue: {kind: text}, result: {kind: enum, values: [ok, rejected]}, amount: {kind: number}}
      sla:
        - {id: r, start: registered, stop: t, target: 4h, warn_before: 1h}
        - {id: s, start: {enter: a}, stop: [t], targets: {A: 2h, B: 1d}}
        - {id: w, while: a, every: 2d, start: t, stop: t}
      """;

  @Test
  void theDefaultProcessBindsWithoutJacksonToWhatJacksonBinds() throws Exception {
    String text;
    try (InputStream in = ProcessLoader.class.getResourceAsStream("/dev/salesflow/core/process/default-process.yaml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertSameAsJackson(text);
  }

  @Test
  void everyGuardAndRuleFormBindsToWhatJacksonBinds() throws Exception {
    assertSameAsJackson(MINIMAL);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "id: p\nstages: []\nclosed: {id: c}\nlost: {id: l}\nunknown: 1\n",
      "id: 12\nstages: []\nclosed: {id: c}\nlost: {id: l}\n",
      "id: p\nstages: {id: a}\nclosed: {id: c}\nlost: {id: l}\n",
      "id: p\nstages: [{id: a, exit: [{require: nothing}]}]\nclosed: {id: c}\nlost: {id: l}\n",
      "id: p\nstages: []\nclosed: {id: c}\nlost: {id: l}\nsla: [{id: r, target: soon}]\n",
      "id: p\nstages: []\nclosed: {id: c}\n",
      "id: p\nstages: [{id: a, exit: [{require: approval, type: t, before: t, threshold: '5'}]}]\nclosed: {id: c}\nlost: {id: l}\n"})
  void anythingNotPlainIsLeftToJackson(String text) throws Exception {
    assertThat(ProcessTree.bind(YamlTreeReader.readMapping(text))).isEmpty();
  }

  /** {@link #MINIMAL}'s content in block style, one key per line, for {@link #everyMutationBindsAsJacksonOrStepsAside}. */
  private static final String BLOCK = """
      id: p
      labels:
        en: P
        zh: 流程
      sources:
        fair:
          en: Fair
      generic_events:
        - t
      stages:
        - id: a
          events:
            - t
          exit:
            - require: event
              type: t
              where:
                result: ok
            - require: approval
              type: t
              before: t
              amount_field: amount
              threshold: 500
            - require: paired
              start: t
              stop: t
              match: issue
            - require: registration
              fields:
                - customer.company
      closed:
        id: closed
      lost:
        id: lost
        labels:
          en: Lost
      event_types:
        t:
          required:
            - issue
      event_fields:
        issue:
          kind: text
        result:
          kind: enum
          values:
            - ok
      """;

  /**
   * Each line of {@link #BLOCK} removed, or its value replaced by a null, a number, an empty list or
   * mapping, a list holding a null or an unknown word: the Jackson-free binding gives what Jackson
   * gives, or steps aside; it never throws, so nothing a record refuses is mistaken for a bug.
   */
  @Test
  void everyMutationBindsAsJacksonOrStepsAside() throws Exception {
    List<String> lines = BLOCK.lines().toList();
    int variants = 0;
    int steppedAside = 0;
    for (int i = 0; i < lines.size(); i++) {
      List<String> texts = new ArrayList<>();
      List<String> without = new ArrayList<>(lines);
      without.remove(i);
      texts.add(String.join("\n", without) + "\n");
      String line = lines.get(i);
      int colon = line.indexOf(':');
      String key = colon < 0 ? line : line.substring(0, colon + 1);
      for (String value : List.of(" ~", " 7", " []", " {}", " [~]", " nonsense")) {
        List<String> changed = new ArrayList<>(lines);
        changed.set(i, colon < 0 ? line.substring(0, line.indexOf('-') + 1) + value : key + value);
        texts.add(String.join("\n", changed) + "\n");
      }
      for (String text : texts) {
        YamlNode tree;
        try {
          tree = YamlTreeReader.readMapping(text);
        } catch (YamlSyntaxException notYaml) {
          continue;
        }
        variants++;
        Optional<ProcessDefinition> plain = ProcessTree.bind(tree);
        if (plain.isEmpty()) {
          steppedAside++;
          continue;
        }
        ProcessDefinition jackson = ProcessLoader.bind(ProcessLoader.mapper(), text, ProcessDefinition.class, Path.of("p.yaml"), tree);
        assertThat(plain.get()).as(text).isEqualTo(jackson);
      }
    }
    assertThat(variants).isGreaterThan(200);
    assertThat(steppedAside).isGreaterThan(50);
  }

  private static void assertSameAsJackson(String text) throws Exception {
    YamlNode tree = YamlTreeReader.readMapping(text);
    Optional<ProcessDefinition> plain = ProcessTree.bind(tree);
    ProcessDefinition jackson = ProcessLoader.bind(ProcessLoader.mapper(), text, ProcessDefinition.class, Path.of("p.yaml"), tree);
    assertThat(plain).isPresent();
    assertThat(plain.get()).isEqualTo(jackson);
    assertThat(plain.get().toString()).isEqualTo(jackson.toString());
  }
}
