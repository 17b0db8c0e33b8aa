package dev.rollouts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing the library runs inside a host's JVM exits it: of every module's main sources, only the
 * command's {@code main} calls {@code System.exit} (or {@code Runtime.halt}).
 */
class NoExitTest {

  @Test
  void onlyTheCommandsMainExitsTheJvm() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> exits;
    try (Stream<Path> files = Files.walk(root, 12)) {
      exits =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> !p.toString().contains("/target/"))
              .filter(NoExitTest::exits)
              .map(p -> root.relativize(p).toString())
              .toList();
    }

    assertThat(exits).containsExactly("rollouts-cli/src/main/java/dev/rollouts/cli/Rollouts.java");
  }

  private static boolean exits(Path file) {
    try {
      String source = Files.readString(file);
      return source.contains("System.exit(") || source.contains(".halt(");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
