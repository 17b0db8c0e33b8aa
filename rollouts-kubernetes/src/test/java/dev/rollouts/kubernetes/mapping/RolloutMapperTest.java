package dev.rollouts.kubernetes.mapping;

import static dev.rollouts.kubernetes.mapping.Fixtures.canary;
import static dev.rollouts.kubernetes.mapping.Fixtures.resource;
import static dev.rollouts.kubernetes.mapping.Fixtures.rolloutOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.spec.AntiAffinity;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStep.HeaderMatch;
import dev.rollouts.core.spec.CanaryStep.MatchKind;
import dev.rollouts.core.spec.CanaryStep.StringMatch;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.spec.PauseDuration;
import dev.rollouts.core.spec.PodMetadata;
import dev.rollouts.core.spec.ReplicaProgressThreshold;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.spec.TrafficRouting;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutMapperTest {

  @Test
  void readsEveryFieldOfACanaryRollout() {
    Rollout rollout = rolloutOf(resource("canary-every-field.yaml"));

    assertThat(rollout.name()).isEqualTo("web");
    assertThat(rollout.namespace()).isEqualTo("shop");
    assertThat(rollout.uid()).contains("6a1f3c2e-0000-4000-8000-000000000001");
    assertThat(rollout.generation()).isEqualTo(7);
    RolloutSpec spec = rollout.spec();
    assertThat(spec.replicas()).isEqualTo(10);
    assertThat(spec.minReadySeconds()).isEqualTo(5);
    assertThat(spec.revisionHistoryLimit()).isEqualTo(3);
    assertThat(spec.paused()).isTrue();
    assertThat(spec.progressDeadlineSeconds()).isEqualTo(300);
    assertThat(spec.progressDeadlineAbort()).isTrue();
    assertThat(spec.restartAt()).contains(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(spec.selector())
        .isEqualTo(
            new LabelSelector(
                Map.of("app", "web"),
                List.of(
                    new LabelSelector.Requirement(
                        "tier", LabelSelector.Operator.IN, List.of("frontend", "edge")),
                    new LabelSelector.Requirement(
                        "legacy", LabelSelector.Operator.DOES_NOT_EXIST, List.of()))));
    assertThat(spec.template().labels()).isEqualTo(Map.of("app", "web", "tier", "frontend"));
    assertThat(spec.template().hash()).matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
    assertThat(spec.strategy().blueGreen()).isEmpty();
    assertThat(spec.strategy().canary()).contains(expectedCanary());
  }

  private static CanaryStrategy expectedCanary() {
    return CanaryStrategy.builder()
        .canaryService("web-canary")
        .stableService("web-stable")
        .maxSurge(IntOrPercent.ofPercent(20))
        .maxUnavailable(IntOrPercent.of(1))
        .dynamicStableScale(true)
        .minPodsPerReplicaSet(2)
        .scaleDownDelaySeconds(45)
        .scaleDownDelayRevisionLimit(2)
        .abortScaleDownDelaySeconds(15)
        .replicaProgressThreshold(
            new ReplicaProgressThreshold(ReplicaProgressThreshold.Type.PERCENT, 90))
        .antiAffinity(new AntiAffinity.Preferred(40))
        .trafficRouting(
            TrafficRouting.builder()
                .maxTrafficWeight(1000)
                .addManagedRoutes("header-route", "mirror-route")
                .putRouter(
                    "nginx",
                    Map.of(
                        "stableIngress",
                        "web",
                        "additionalIngressAnnotations",
                        Map.of("canary-by-header", "X-Canary")))
                .build())
        .steps(
            List.of(
                new CanaryStep.SetWeight(10),
                CanaryStep.Pause.indefinitely(),
                CanaryStep.Pause.ofSeconds(30),
                new CanaryStep.Pause(Optional.of(PauseDuration.of("1h"))),
                new CanaryStep.SetCanaryScale(Optional.of(3), Optional.empty(), false),
                new CanaryStep.SetCanaryScale(Optional.empty(), Optional.of(25), false),
                new CanaryStep.SetCanaryScale(Optional.empty(), Optional.empty(), true),
                new CanaryStep.Analysis(
                    Map.of(
                        "templates", List.of(Map.of("templateName", "success-rate")),
                        "args", List.of(Map.of("name", "service", "value", "web-canary")))),
                new CanaryStep.Experiment(
                    Map.of(
                        "duration",
                        "10m",
                        "templates",
                        List.of(Map.of("name", "baseline", "specRef", "stable")))),
                new CanaryStep.SetHeaderRoute(
                    "header-route",
                    List.of(
                        new HeaderMatch("X-Canary", new StringMatch(MatchKind.EXACT, "yes")),
                        new HeaderMatch("User-Agent", new StringMatch(MatchKind.PREFIX, "Mozilla")),
                        new HeaderMatch("X-Build", new StringMatch(MatchKind.REGEX, "^1\\.2")))),
                new CanaryStep.SetMirrorRoute(
                    Map.of(
                        "name",
                        "mirror-route",
                        "percentage",
                        35,
                        "match",
                        List.of(Map.of("method", Map.of("exact", "GET")))))))
        .build();
  }

  @Test
  void readsEveryFieldOfABlueGreenRollout() {
    Rollout rollout = rolloutOf(resource("bluegreen-every-field.yaml"));

    assertThat(rollout.namespace()).isEqualTo("default");
    assertThat(rollout.uid()).isEmpty();
    assertThat(rollout.generation()).isEqualTo(2);
    assertThat(rollout.spec().replicas()).isEqualTo(1);
    assertThat(rollout.spec().strategy().canary()).isEmpty();
    assertThat(rollout.spec().strategy().blueGreen())
        .contains(
            BlueGreenStrategy.builder()
                .activeService("api-active")
                .previewService("api-preview")
                .previewReplicaCount(1)
                .autoPromotionEnabled(false)
                .autoPromotionSeconds(60)
                .scaleDownDelaySeconds(120)
                .scaleDownDelayRevisionLimit(1)
                .abortScaleDownDelaySeconds(10)
                .maxUnavailable(IntOrPercent.ofPercent(10))
                .antiAffinity(new AntiAffinity.Required())
                .activeMetadata(new PodMetadata(Map.of("role", "active"), Map.of()))
                .previewMetadata(
                    new PodMetadata(Map.of("role", "preview"), Map.of("note", "preview pods")))
                .prePromotionAnalysis(Map.of("templates", List.of(Map.of("templateName", "smoke"))))
                .postPromotionAnalysis(
                    Map.of(
                        "templates", List.of(Map.of("templateName", "soak")),
                        "args", List.of(Map.of("name", "host", "value", "api-active"))))
                .build());
  }

  @Test
  void leavesAbsentFieldsAbsentSoTheEngineAppliesArgosDefaults() {
    Rollout rollout = rolloutOf(canary("{}"));

    assertThat(rollout.spec().replicas()).isEqualTo(1);
    assertThat(rollout.spec().revisionHistoryLimit()).isEqualTo(10);
    assertThat(rollout.spec().progressDeadlineSeconds()).isEqualTo(600);
    assertThat(rollout.spec().restartAt()).isEmpty();
    assertThat(rollout.spec().strategy().canary()).contains(CanaryStrategy.builder().build());
    assertThat(rollout.status())
        .isEqualTo(dev.rollouts.core.status.RolloutStatus.builder().build());
  }

  @Test
  void tellsAbsentStepsFromAnEmptyList() {
    assertThat(rolloutOf(canary("{}")).spec().strategy().canary().orElseThrow().steps()).isEmpty();
    assertThat(rolloutOf(canary("steps: []")).spec().strategy().canary().orElseThrow().steps())
        .contains(List.of());
  }

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1        | 1",
        "0        | 0",
        "\"25%\"  | 25%",
        "\"0%\"   | 0%",
        "\"25\"   | 25%",
        "-1       | -1",
        "\"-10%\" | -10%",
      })
  void readsMaxSurgeAsACountOrAPercentage(String written, String read) {
    Rollout rollout = rolloutOf(canary("maxSurge: " + written));

    assertThat(rollout.spec().strategy().canary().orElseThrow().maxSurge())
        .map(IntOrPercent::toString)
        .contains(read);
  }

  @Test
  void keepsAPauseDurationAsWrittenIntegerOrString() {
    CanaryStrategy canary =
        rolloutOf(
                canary(
                    "steps: [{pause: {duration: 10}}, {pause: {duration: '10'}}, {pause: {duration:"
                        + " 10s}}]"))
            .spec()
            .strategy()
            .canary()
            .orElseThrow();

    assertThat(canary.effectiveSteps())
        .containsExactly(
            new CanaryStep.Pause(Optional.of(new PauseDuration("10", false))),
            new CanaryStep.Pause(Optional.of(new PauseDuration("10", true))),
            new CanaryStep.Pause(Optional.of(new PauseDuration("10s", true))));
  }

  /**
   * Argo's CanaryStep is a struct of optional fields: an entry may set several, and validation
   * (hasMultipleStepsType), not the reader, decides which combinations are wrong.
   */
  @Test
  void readsAStepThatSetsSeveralFieldsOrNoneAsOneCombinedStep() {
    CanaryStrategy canary =
        rolloutOf(
                canary(
                    "steps: [{setCanaryScale: {replicas: 5}, setWeight: 10}, {setWeight: 20, pause:"
                        + " {}}, {}]"))
            .spec()
            .strategy()
            .canary()
            .orElseThrow();

    assertThat(canary.effectiveSteps())
        .containsExactly(
            CanaryStep.Combined.of(
                new CanaryStep.SetWeight(10),
                new CanaryStep.SetCanaryScale(Optional.of(5), Optional.empty(), false)),
            CanaryStep.Combined.of(new CanaryStep.SetWeight(20), CanaryStep.Pause.indefinitely()),
            new CanaryStep.Combined(List.of()));
  }

  @Test
  void passesReadableButInvalidValuesToTheEngine() {
    Rollout negative =
        rolloutOf(
            canary(
                "steps: [{setWeight: -5}, {setCanaryScale: {}}]\nmaxSurge: 0\nmaxUnavailable: 0"));
    assertThat(negative.spec().strategy().canary().orElseThrow().effectiveSteps())
        .containsExactly(
            new CanaryStep.SetWeight(-5),
            new CanaryStep.SetCanaryScale(Optional.empty(), Optional.empty(), false));

    Rollout both =
        rolloutOf(
            resource("bluegreen-every-field.yaml")
                .replace("    blueGreen:", "    canary: {}\n    blueGreen:"));
    assertThat(both.spec().strategy().canary()).isPresent();
    assertThat(both.spec().strategy().blueGreen()).isPresent();

    Rollout bare =
        rolloutOf("apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: bare}\n");
    assertThat(bare.spec().selector().isEmpty()).isTrue();
    assertThat(bare.spec().strategy().canary()).isEmpty();
    assertThat(bare.spec().strategy().blueGreen()).isEmpty();
  }

  @Test
  void readsTheStatus() {
    Rollout rollout =
        rolloutOf(
            canary("{}")
                + """
                status:
                  currentStepIndex: 1
                  stableRS: 6b9b86fbd5
                  observedGeneration: "4"
                  canary: {}
                """);

    assertThat(rollout.status().currentStepIndex()).contains(1);
    assertThat(rollout.status().stableRS()).contains("6b9b86fbd5");
    assertThat(rollout.status().observedGeneration()).contains("4");
  }
}
