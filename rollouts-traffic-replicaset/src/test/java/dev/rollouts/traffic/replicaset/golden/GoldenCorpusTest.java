package dev.rollouts.traffic.replicaset.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.RolloutEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The golden corpus: thousands of Decisions of {@link GoldenScenarios}, recorded before the core's
 * internals were redesigned, must come out equal after it. A change of behaviour on purpose
 * re-records the corpus ({@code -Dgolden.record=true}) and says why in the commit.
 */
class GoldenCorpusTest {

  static final String RESOURCE = "golden/decisions.txt.gz";

  @Test
  void everyRecordedDecisionIsDecidedAgain() throws IOException {
    List<String> actual = GoldenScenarios.record(RolloutEngine.withInstalledPlugins());
    if (Boolean.getBoolean("golden.record")) {
      Path file = Path.of("src/test/resources", RESOURCE);
      Files.createDirectories(file.getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write((String.join("\n", actual) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    List<String> expected = recorded();
    assertThat(expected).hasSizeGreaterThan(2000);
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertThat(actual.get(i)).as("golden case %d", i).isEqualTo(expected.get(i));
    }
    assertThat(actual).hasSameSizeAs(expected);
  }

  private static List<String> recorded() throws IOException {
    try (InputStream in = GoldenCorpusTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException(RESOURCE + " is missing"));
      }
      String text = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(List.of(text.split("\n")));
      lines.removeIf(String::isEmpty);
      return lines;
    }
  }
}
