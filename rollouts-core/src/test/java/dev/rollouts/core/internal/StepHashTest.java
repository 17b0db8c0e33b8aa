package dev.rollouts.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStep.Analysis;
import dev.rollouts.core.spec.CanaryStep.Experiment;
import dev.rollouts.core.spec.CanaryStep.HeaderMatch;
import dev.rollouts.core.spec.CanaryStep.MatchKind;
import dev.rollouts.core.spec.CanaryStep.Pause;
import dev.rollouts.core.spec.CanaryStep.SetCanaryScale;
import dev.rollouts.core.spec.CanaryStep.SetHeaderRoute;
import dev.rollouts.core.spec.CanaryStep.SetMirrorRoute;
import dev.rollouts.core.spec.CanaryStep.SetWeight;
import dev.rollouts.core.spec.CanaryStep.StringMatch;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.PauseDuration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Vectors from /work/notes/step-hash.md: Argo-pinned ones first, then consistency checks. */
class StepHashTest {

  /** Hashes Argo's tests, testdata or a real cluster recorded. */
  static Stream<Arguments> argoPinned() {
    return Stream.of(
        row(
            "V1 two pauses (rollouts_test.go)",
            steps(Pause.indefinitely(), Pause.indefinitely()),
            "[{\"pause\":{}},{\"pause\":{}}]",
            "79c9b9f6bf"),
        row(
            "V2 one pause (rollouts_test.go)",
            steps(Pause.indefinitely()),
            "[{\"pause\":{}}]",
            "6b9b86fbd5"),
        row("V3 steps absent (rollouts_test.go)", Optional.empty(), "null", "5ffbfbbd64"),
        row(
            "V4 experiment, metadata always written",
            steps(
                new SetWeight(25),
                new Experiment(
                    Map.of(
                        "templates",
                        List.of(
                            Map.of("name", "baseline", "specRef", "stable", "replicas", 1),
                            Map.of("name", "canary", "specRef", "canary", "replicas", 1))))),
            "[{\"setWeight\":25},{\"experiment\":{\"templates\":[{\"name\":\"baseline\","
                + "\"specRef\":\"stable\",\"replicas\":1,\"metadata\":{}},{\"name\":\"canary\","
                + "\"specRef\":\"canary\",\"replicas\":1,\"metadata\":{}}]}}]",
            "5f7ff4d7d8"),
        row(
            "V5 analysis, analysisRunMetadata always written",
            steps(
                new SetWeight(25),
                new Analysis(
                    Map.of(
                        "templates",
                        List.of(
                            Map.of("templateName", "random-fail"),
                            Map.of("templateName", "always-pass"))))),
            "[{\"setWeight\":25},{\"analysis\":{\"templates\":[{\"templateName\":\"random-fail\"},"
                + "{\"templateName\":\"always-pass\"}],\"analysisRunMetadata\":{}}}]",
            "84d4b665cd"),
        row(
            "V6 rollout-aborted",
            steps(new SetWeight(10), Pause.indefinitely()),
            "[{\"setWeight\":10},{\"pause\":{}}]",
            "849b756fd4"),
        row(
            "V7 canary-rollout, integer durations, 8 characters",
            canaryDemo(PauseDuration.ofSeconds(10)),
            "[{\"setWeight\":20},{\"pause\":{}},{\"setWeight\":40},{\"pause\":{\"duration\":10}},"
                + "{\"setWeight\":60},{\"pause\":{\"duration\":10}},{\"setWeight\":80},"
                + "{\"pause\":{\"duration\":10}}]",
            "f64cdc9d"),
        row(
            "V7 with duration \"10s\", 9 characters",
            canaryDemo(PauseDuration.of("10s")),
            "[{\"setWeight\":20},{\"pause\":{}},{\"setWeight\":40},{\"pause\":{\"duration\":\"10s\"}},"
                + "{\"setWeight\":60},{\"pause\":{\"duration\":\"10s\"}},{\"setWeight\":80},"
                + "{\"pause\":{\"duration\":\"10s\"}}]",
            "b9b7958d9"),
        row(
            "V8 experiment-step canary-demo",
            steps(
                new Experiment(
                    Map.of(
                        "analyses",
                            List.of(Map.of("templateName", "stress-test", "name", "stress-test")),
                        "templates",
                            List.of(
                                Map.of(
                                    "selector",
                                    Map.of("matchLabels", Map.of("app", "rollout-canary-preview")),
                                    "metadata",
                                    Map.of("labels", Map.of("app", "rollout-canary-preview")),
                                    "specRef",
                                    "canary",
                                    "name",
                                    "canary-preview"))))),
            "[{\"experiment\":{\"templates\":[{\"name\":\"canary-preview\",\"specRef\":\"canary\","
                + "\"metadata\":{\"labels\":{\"app\":\"rollout-canary-preview\"}},\"selector\":"
                + "{\"matchLabels\":{\"app\":\"rollout-canary-preview\"}}}],\"analyses\":"
                + "[{\"name\":\"stress-test\",\"templateName\":\"stress-test\"}]}}]",
            "7d595679dd"));
  }

  /** Derived with the same algorithm; Argo does not pin these. */
  static Stream<Arguments> consistencyChecks() {
    return Stream.of(
        row("empty steps", steps(), "[]", "5f8cb5778f"),
        row(
            "string duration with unit",
            steps(new SetWeight(10), pause(PauseDuration.of("1h"))),
            "[{\"setWeight\":10},{\"pause\":{\"duration\":\"1h\"}}]",
            "75886757bf"),
        row(
            "integer duration",
            steps(new SetWeight(10), Pause.ofSeconds(3600)),
            "[{\"setWeight\":10},{\"pause\":{\"duration\":3600}}]",
            "58bbf8fc87"),
        row(
            "quoted integer duration",
            steps(new SetWeight(10), pause(PauseDuration.of("3600"))),
            "[{\"setWeight\":10},{\"pause\":{\"duration\":\"3600\"}}]",
            "856c4f5757"),
        row(
            "setCanaryScale in Go field order",
            steps(
                new SetCanaryScale(Optional.of(3), Optional.empty(), false),
                new SetCanaryScale(Optional.empty(), Optional.of(25), false),
                new SetCanaryScale(Optional.empty(), Optional.empty(), true)),
            "[{\"setCanaryScale\":{\"replicas\":3}},{\"setCanaryScale\":{\"weight\":25}},"
                + "{\"setCanaryScale\":{\"matchTrafficWeight\":true}}]",
            "55f7f75868"),
        row(
            "setHeaderRoute, and one without match",
            steps(
                new SetHeaderRoute(
                    "header-route-1",
                    List.of(
                        new HeaderMatch(
                            "Custom-Header1", new StringMatch(MatchKind.EXACT, "Mozilla")),
                        new HeaderMatch(
                            "Custom-Header2", new StringMatch(MatchKind.PREFIX, "Mozilla")))),
                new SetHeaderRoute("header-route-1", List.of())),
            "[{\"setHeaderRoute\":{\"name\":\"header-route-1\",\"match\":[{\"headerName\":"
                + "\"Custom-Header1\",\"headerValue\":{\"exact\":\"Mozilla\"}},{\"headerName\":"
                + "\"Custom-Header2\",\"headerValue\":{\"prefix\":\"Mozilla\"}}]}},"
                + "{\"setHeaderRoute\":{\"name\":\"header-route-1\"}}]",
            "68b6ddbbd6"),
        row(
            "setMirrorRoute, header map sorted",
            steps(
                new SetMirrorRoute(
                    Map.of(
                        "percentage",
                        35,
                        "match",
                        List.of(
                            Map.of(
                                "headers",
                                    Map.of(
                                        "agent-2a", Map.of("regex", "chrome.*"),
                                        "agent-1b", Map.of("exact", "firefox")),
                                "path", Map.of("prefix", "/"),
                                "method", Map.of("exact", "GET"))),
                        "name",
                        "mirror-route"))),
            "[{\"setMirrorRoute\":{\"name\":\"mirror-route\",\"match\":[{\"method\":{\"exact\":"
                + "\"GET\"},\"path\":{\"prefix\":\"/\"},\"headers\":{\"agent-1b\":{\"exact\":"
                + "\"firefox\"},\"agent-2a\":{\"regex\":\"chrome.*\"}}}],\"percentage\":35}}]",
            "64fbc46fbc"),
        row(
            "analysis with args",
            steps(
                new Analysis(
                    Map.of(
                        "args",
                            List.of(
                                Map.of(
                                    "value",
                                    "guestbook-svc.default.svc.cluster.local",
                                    "name",
                                    "service-name"),
                                Map.of(
                                    "valueFrom",
                                    Map.of("podTemplateHashValue", "Latest"),
                                    "name",
                                    "hash")),
                        "templates", List.of(Map.of("templateName", "success-rate"))))),
            "[{\"analysis\":{\"templates\":[{\"templateName\":\"success-rate\"}],\"args\":"
                + "[{\"name\":\"service-name\",\"value\":\"guestbook-svc.default.svc.cluster.local\"},"
                + "{\"name\":\"hash\",\"valueFrom\":{\"podTemplateHashValue\":\"Latest\"}}],"
                + "\"analysisRunMetadata\":{}}}]",
            "85fcdd7bc8"),
        row(
            "HTML characters escaped",
            steps(
                new SetHeaderRoute(
                    "r",
                    List.of(new HeaderMatch("q", new StringMatch(MatchKind.REGEX, "a&b<c>"))))),
            "[{\"setHeaderRoute\":{\"name\":\"r\",\"match\":[{\"headerName\":\"q\",\"headerValue\":"
                + "{\"regex\":\"a\\u0026b\\u003cc\\u003e\"}}]}}]",
            "744bf74764"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("argoPinned")
  void matchesTheHashArgoRecorded(
      String name, Optional<List<CanaryStep>> steps, String json, String hash) {
    assertThat(StepHash.goJson(steps)).isEqualTo(json);
    assertThat(StepHash.of(steps)).isEqualTo(hash);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consistencyChecks")
  void agreesWithTheNotesDerivedVectors(
      String name, Optional<List<CanaryStep>> steps, String json, String hash) {
    assertThat(StepHash.goJson(steps)).isEqualTo(json);
    assertThat(StepHash.of(steps)).isEqualTo(hash);
  }

  @Test
  void fnvSumsMatchTheSumsBehindArgosHashes() {
    assertThat(StepHash.fnv32a(bytes("[{\"pause\":{}},{\"pause\":{}}]"))).isEqualTo(3575659269L);
    assertThat(StepHash.fnv32a(bytes("[{\"pause\":{}}]"))).isEqualTo(2656429681L);
    assertThat(StepHash.fnv32a(bytes("null"))).isEqualTo(1996966820L);
    assertThat(StepHash.fnv32a(bytes("[{\"setWeight\":10},{\"pause\":{}}]")))
        .isEqualTo(4056312980L);
    assertThat(StepHash.fnv32a(new byte[0])).isEqualTo(2166136261L);
  }

  @Test
  void safeEncodeMapsDigitsWithoutVowels() {
    assertThat(StepHash.safeEncode("0123456789")).isEqualTo("456789bcdf");
    assertThat(StepHash.safeEncode("92078758")).isEqualTo("f64cdc9d");
    assertThat(StepHash.safeEncode("")).isEmpty();
  }

  /** A step that sets two fields marshals as one object with both, in the struct's order. */
  @Test
  void aCombinedStepMarshalsAsOneStructWithEachField() {
    Optional<List<CanaryStep>> steps =
        Optional.of(
            List.of(
                CanaryStep.Combined.of(
                    new CanaryStep.SetCanaryScale(Optional.of(5), Optional.empty(), false),
                    new CanaryStep.SetWeight(10))));
    assertThat(StepHash.goJson(steps))
        .isEqualTo("[{\"setWeight\":10,\"setCanaryScale\":{\"replicas\":5}}]");
    assertThat(StepHash.of(steps)).isEqualTo("7dddd9bc5b");
  }

  @Test
  void absentAndEmptyStepsHashDifferently() {
    assertThat(StepHash.of(Optional.empty())).isEqualTo("5ffbfbbd64");
    assertThat(StepHash.of(Optional.of(List.of()))).isEqualTo("5f8cb5778f");
  }

  @Test
  void theStrategyHashesItsSteps() {
    CanaryStrategy none = CanaryStrategy.builder().build();
    CanaryStrategy two =
        CanaryStrategy.builder().steps(List.of(Pause.indefinitely(), Pause.indefinitely())).build();
    assertThat(StepHash.of(none)).isEqualTo("5ffbfbbd64");
    assertThat(StepHash.of(two)).isEqualTo("79c9b9f6bf");
  }

  @Test
  void bodyKeyOrderDoesNotMatterButGoFieldOrderDoes() {
    Map<String, Object> forwards = new LinkedHashMap<>();
    forwards.put("templates", List.of(Map.of("templateName", "t")));
    forwards.put("args", List.of(Map.of("name", "a", "value", "1")));
    Map<String, Object> backwards = new LinkedHashMap<>();
    backwards.put("args", forwards.get("args"));
    backwards.put("templates", forwards.get("templates"));
    assertThat(StepHash.of(steps(new Analysis(backwards))))
        .isEqualTo(StepHash.of(steps(new Analysis(forwards))));
  }

  @Test
  void keysArgosStructsDoNotDeclareAreDroppedAsGoDropsThem() {
    Map<String, Object> body =
        Map.of(
            "templates",
            List.of(Map.of("templateName", "random-fail"), Map.of("templateName", "always-pass")),
            "notAField",
            "x");
    assertThat(StepHash.of(steps(new SetWeight(25), new Analysis(body)))).isEqualTo("84d4b665cd");
  }

  @Test
  void pointerFieldsSetToZeroAreWrittenAndValueFieldsAreNot() {
    assertThat(
            StepHash.goJson(
                steps(
                    new SetWeight(0),
                    new SetCanaryScale(Optional.of(0), Optional.of(0), false),
                    new SetMirrorRoute(Map.of("percentage", 0)),
                    new Experiment(Map.of("duration", "")))))
        .isEqualTo(
            "[{\"setWeight\":0},{\"setCanaryScale\":{\"weight\":0,\"replicas\":0}},"
                + "{\"setMirrorRoute\":{\"name\":\"\",\"percentage\":0}},"
                + "{\"experiment\":{\"templates\":null}}]");
  }

  @Test
  void aHeaderMatchWithoutValueWritesNull() {
    assertThat(StepHash.goJson(steps(new SetHeaderRoute("", List.of(new HeaderMatch("h", null))))))
        .isEqualTo(
            "[{\"setHeaderRoute\":{\"match\":[{\"headerName\":\"h\",\"headerValue\":null}]}}]");
  }

  @Property
  void theHashIsADeterministicSafeEncodedUint32(@ForAll("stepLists") List<CanaryStep> steps) {
    String hash = StepHash.of(Optional.of(steps));

    assertThat(StepHash.of(Optional.of(new ArrayList<>(steps)))).isEqualTo(hash);
    assertThat(hash).hasSizeBetween(1, 10).matches("[bcdfghjklmnpqrstvwxz2456789]+");
    String digits =
        hash.chars()
            .mapToObj(c -> String.valueOf("456789bcdf".indexOf(c)))
            .reduce("", String::concat);
    assertThat(digits).doesNotContain("-").matches("0|[1-9][0-9]*");
    assertThat(Long.parseLong(digits)).isBetween(0L, 0xFFFF_FFFFL);
  }

  @Provide
  Arbitrary<List<CanaryStep>> stepLists() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(8);
    Arbitrary<Integer> small = Arbitraries.integers().between(0, 100);
    Arbitrary<CanaryStep> step =
        Arbitraries.oneOf(
            small.map(SetWeight::new),
            Arbitraries.just(Pause.indefinitely()),
            small.map(Pause::ofSeconds),
            text.map(t -> pause(PauseDuration.of(t))),
            small
                .optional()
                .flatMap(
                    r ->
                        small
                            .optional()
                            .flatMap(
                                w ->
                                    Arbitraries.of(true, false)
                                        .map(m -> new SetCanaryScale(r, w, m)))),
            text.flatMap(
                n ->
                    text.map(
                        v ->
                            new SetHeaderRoute(
                                n,
                                List.of(new HeaderMatch(n, new StringMatch(MatchKind.REGEX, v)))))),
            text.map(t -> new Analysis(Map.of("templates", List.of(Map.of("templateName", t))))),
            text.map(t -> new SetMirrorRoute(Map.of("name", t, "percentage", 5))));
    return step.list().ofMaxSize(6);
  }

  private static Arguments row(
      String name, Optional<List<CanaryStep>> steps, String json, String hash) {
    return Arguments.of(name, steps, json, hash);
  }

  private static Optional<List<CanaryStep>> steps(CanaryStep... steps) {
    return Optional.of(List.of(steps));
  }

  private static Pause pause(PauseDuration duration) {
    return new Pause(Optional.of(duration));
  }

  private static Optional<List<CanaryStep>> canaryDemo(PauseDuration duration) {
    return steps(
        new SetWeight(20),
        Pause.indefinitely(),
        new SetWeight(40),
        pause(duration),
        new SetWeight(60),
        pause(duration),
        new SetWeight(80),
        pause(duration));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
