package dev.salesflow.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link TreeBinding#attempt} steps aside for trees that are not plain, and for nothing else. */
class TreeBindingTest {
  @Test
  void aTreeThatIsNotPlainIsLeftToJackson() throws Exception {
    YamlNode number = YamlTreeReader.readMapping("a: 1\n").entries().get("a").value();
    assertThat(TreeBinding.attempt(() -> TreeBinding.string(number))).isEmpty();
    YamlNode.Mapping unknownKey = YamlTreeReader.readMapping("b: x\n");
    assertThat(TreeBinding.attempt(() -> TreeBinding.fields(unknownKey, Set.of("a")))).isEmpty();
    assertThat(TreeBinding.attempt(() -> "bound")).contains("bound");
  }

  @Test
  void aBugInABindingPropagatesInsteadOfFallingBackToJackson() throws Exception {
    YamlNode.Mapping tree = YamlTreeReader.readMapping("id: p\n");
    assertThatThrownBy(() -> TreeBinding.attempt(() -> {
      Map<String, YamlNode> f = TreeBinding.fields(tree, Set.of("id"));
      return TreeBinding.string(f.get("labels")).length(); // a binder bug: "labels" is absent, so null
    })).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TreeBinding.attempt(() -> (String) (Object) List.of()))
        .isInstanceOf(ClassCastException.class);
    assertThatThrownBy(() -> TreeBinding.attempt(() -> {
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
  }

  @Test
  void whatARecordWouldRefuseIsNotPlain() throws Exception {
    YamlNode.Mapping tree = YamlTreeReader.readMapping("list: [a, ~]\nmap: {k: ~}\n");
    assertThat(TreeBinding.attempt(() -> TreeBinding.strings(tree.entries().get("list").value()))).isEmpty();
    assertThat(TreeBinding.attempt(() -> TreeBinding.stringMap(tree.entries().get("map").value()))).isEmpty();
    assertThat(TreeBinding.attempt(() -> TreeBinding.required(null, "id"))).isEmpty();
  }
}
