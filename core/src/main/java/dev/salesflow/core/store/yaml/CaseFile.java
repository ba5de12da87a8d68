package dev.salesflow.core.store.yaml;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.yaml.YamlNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A case read from its file, with where each part was written.
 *
 * @param eventPositions the position of each event, parallel to {@code value().events()}
 */
public record CaseFile(Path file, Case value, YamlNode.Mapping tree, List<SourcePosition> eventPositions) {
  public CaseFile {
    eventPositions = List.copyOf(eventPositions);
  }

  /** Where event {@code index} was written (the start of the file when unknown). */
  public SourcePosition eventPosition(int index) {
    return index >= 0 && index < eventPositions.size() ? eventPositions.get(index) : SourcePosition.START;
  }
}
