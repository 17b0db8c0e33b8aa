package dev.rollouts.cli.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code --log-format json}: one JSON object per record. */
class JsonLogStreamTest {

  static final String TIME = "2026-12-04T03:10:00Z";

  @Test
  void aRecordBecomesOneJsonObjectWithTheRolloutInAFieldOfItsOwn() {
    assertThat(
            JsonLogStream.toJson(
                "[INFO] dev.rollouts.kubernetes.apply.DecisionApplier - [shop/web] created"
                    + " ReplicaSet web-6d4 with 1 replicas",
                TIME))
        .isEqualTo(
            "{\"time\":\"2026-12-04T03:10:00Z\",\"level\":\"info\","
                + "\"logger\":\"dev.rollouts.kubernetes.apply.DecisionApplier\","
                + "\"rollout\":\"shop/web\",\"msg\":\"created ReplicaSet web-6d4 with 1 replicas\"}");
  }

  @Test
  void aStackTraceIsTheErrorAndQuotesAndControlCharactersAreEscaped() {
    assertThat(
            JsonLogStream.toJson(
                "[ERROR] x.Y - sync \"failed\"\tbadly\njava.lang.IllegalStateException: boom\n"
                    + "\tat x.Y.z(Y.java:1)",
                TIME))
        .isEqualTo(
            "{\"time\":\"2026-12-04T03:10:00Z\",\"level\":\"error\",\"logger\":\"x.Y\","
                + "\"msg\":\"sync \\\"failed\\\"\\tbadly\","
                + "\"error\":\"java.lang.IllegalStateException: boom\\n\\tat x.Y.z(Y.java:1)\"}");
  }

  @Test
  void aLineThatIsNoRecordIsKeptAsTheMessage() {
    assertThat(JsonLogStream.toJson("plain words", TIME))
        .isEqualTo(
            "{\"time\":\"2026-12-04T03:10:00Z\",\"level\":\"info\",\"logger\":\"stderr\","
                + "\"msg\":\"plain words\"}");
  }

  @Test
  void whatTheLoggingBackendWritesToStandardErrorComesOutAsJsonLines() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(
        new PrintStream(
            new JsonLogStream(
                new PrintStream(captured, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse(TIME), ZoneOffset.UTC)),
            false,
            StandardCharsets.UTF_8));
    try {
      LoggerFactory.getLogger("dev.rollouts.test").warn("[shop/web] first");
      LoggerFactory.getLogger("dev.rollouts.test").error("second", new IllegalStateException("x"));
    } finally {
      System.err.flush();
      System.setErr(original);
    }

    String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .isEqualTo(
            "{\"time\":\"2026-12-04T03:10:00Z\",\"level\":\"warn\",\"logger\":\"dev.rollouts.test\","
                + "\"rollout\":\"shop/web\",\"msg\":\"first\"}");
    assertThat(lines[1])
        .startsWith(
            "{\"time\":\"2026-12-04T03:10:00Z\",\"level\":\"error\",\"logger\":\"dev.rollouts.test\","
                + "\"msg\":\"second\",\"error\":\"java.lang.IllegalStateException: x\\n\\tat ");
  }
}
