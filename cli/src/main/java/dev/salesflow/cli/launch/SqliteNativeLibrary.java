package dev.salesflow.cli.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Copies sqlite-jdbc's native library for this machine out of the jar once, for the launcher, which
 * then points {@code org.sqlite.lib.path} at it. Otherwise sqlite-jdbc extracts the library into the
 * temporary folder on every start (tens of milliseconds of every SQLite command) and leaves a copy
 * behind whenever a process is killed. When the copy is missing or unusable, sqlite-jdbc falls back
 * to extracting it as before.
 *
 * <pre>java -cp salesflow.jar dev.salesflow.cli.launch.SqliteNativeLibrary DIR</pre>
 */
public final class SqliteNativeLibrary {
  private SqliteNativeLibrary() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    String name = LibraryLoaderUtil.getNativeLibName();
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        System.err.println("salesflow: no native SQLite library for this platform in the jar (" + resource + ")");
        System.exit(1);
      }
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    System.out.println(name);
  }
}
