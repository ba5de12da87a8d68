package dev.salesflow.core.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.store.SentLog;
import dev.salesflow.core.store.SentNotice;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sent-log of a workspace whose cases are files: {@code .salesflow/notify-sent.jsonl} in the
 * workspace, one JSON object a line, appended and flushed to disk after each delivered message.
 * It sits beside {@code cases/}, not in it, so {@code check} and the git history of cases never see
 * it; the folder holds a {@code .gitignore} of {@code *} so it stays out of git in any workspace.
 */
public final class FileSentLog implements SentLog {
  /** The state folder, relative to the workspace root. */
  public static final String FOLDER = ".salesflow";
  /** Made on first use: a dry run with no sent-log yet never starts Jackson's databind. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Path file;

  public FileSentLog(Path workspaceRoot) {
    this.file = workspaceRoot.resolve(FOLDER).resolve("notify-sent.jsonl");
  }

  @Override
  public Set<SentNotice> sent() {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException none) {
      return Set.of();
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Set<SentNotice> sent = new HashSet<>(lines.size() * 2);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode n = Json.MAPPER.readTree(line);
        sent.add(new SentNotice(n.get("case").asText(), n.get("rule").asText(), Instant.parse(n.get("clock_start").asText()),
            n.get("level").asInt(), n.get("recipient").asText()));
      } catch (IOException | RuntimeException e) {
        // a line cut short by a crash mid-append is the only expected damage; say where it is
        throw new StoreException(file + ":" + (i + 1) + ": not a sent-log entry {case, rule, clock_start, level, recipient}"
            + " (delete the line to send that notice again)", e);
      }
    }
    return sent;
  }

  @Override
  public void record(Collection<SentNotice> notices) {
    StringBuilder text = new StringBuilder();
    for (SentNotice n : notices) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("case", n.caseId());
      o.put("rule", n.rule());
      o.put("clock_start", n.clockStart().toString());
      o.put("level", n.level());
      o.put("recipient", n.recipient());
      o.put("sent_at", Instant.now().toString());
      text.append(o).append('\n');
    }
    try {
      Path folder = file.getParent();
      Files.createDirectories(folder);
      Path ignore = folder.resolve(".gitignore");
      if (!Files.exists(ignore)) {
        Files.writeString(ignore, "# salesflow's local state (notify's sent-log): never committed\n*\n", StandardCharsets.UTF_8);
      }
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
