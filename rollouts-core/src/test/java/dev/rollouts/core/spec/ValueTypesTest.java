package dev.rollouts.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.internal.Limits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypesTest {

  @ParameterizedTest(name = "{0} of {1}: surge {2}, unavailable {3}")
  @CsvSource({"25%,10,3,2", "25%,4,1,1", "1,10,1,1", "0%,10,0,1", "50%,1,1,0"})
  void resolvesSurgeUpAndUnavailabilityDownLikeKubernetes(
      String value, int replicas, int surge, int unavailable) {
    IntOrPercent v =
        value.endsWith("%")
            ? IntOrPercent.ofPercent(Integer.parseInt(value.replace("%", "")))
            : IntOrPercent.of(Integer.parseInt(value));
    assertThat(Limits.resolve(v, v, replicas)).isEqualTo(new Limits(surge, unavailable));
  }

  @ParameterizedTest(name = "{0} (quoted {1}) is {2} seconds")
  @CsvSource({
    "30,false,30",
    "30,true,30",
    "30s,true,30",
    "5m,true,300",
    "1h,true,3600",
    "1h30m,true,5400",
    "-5,false,-5"
  })
  void readsPauseDurationsAsArgoDoes(String text, boolean quoted, long seconds) {
    assertThat(new PauseDuration(text, quoted).toDuration()).contains(Duration.ofSeconds(seconds));
  }

  @Test
  void rejectsAPauseDurationItCannotRead() {
    assertThat(PauseDuration.of("ten seconds").toDuration()).isEmpty();
  }

  @Test
  void matchesLabelsAndExpressions() {
    LabelSelector selector =
        new LabelSelector(
            Map.of("app", "demo"),
            List.of(
                new LabelSelector.Requirement(
                    "tier", LabelSelector.Operator.IN, List.of("web", "api"))));
    assertThat(selector.matches(Map.of("app", "demo", "tier", "web"))).isTrue();
    assertThat(selector.matches(Map.of("app", "demo", "tier", "db"))).isFalse();
    assertThat(selector.matches(Map.of("tier", "web"))).isFalse();
  }

  @ParameterizedTest(name = "{0} {1} of {2} pods needs {3} available")
  @CsvSource({"PODS,2,5,2", "PODS,9,5,5", "PERCENT,50,5,3", "PERCENT,100,4,4"})
  void computesTheReplicaProgressThreshold(
      ReplicaProgressThreshold.Type type, int value, int target, int required) {
    assertThat(new ReplicaProgressThreshold(type, value).requiredPods(target)).isEqualTo(required);
  }

  @Test
  void appliesArgosDefaults() {
    CanaryStrategy canary = CanaryStrategy.builder().build();
    assertThat(canary.effectiveMaxSurge()).isEqualTo(IntOrPercent.ofPercent(25));
    assertThat(canary.effectiveMaxUnavailable()).isEqualTo(IntOrPercent.ofPercent(25));
    assertThat(canary.effectiveMaxTrafficWeight()).isEqualTo(100);
    assertThat(canary.steps()).isEqualTo(Optional.empty());
    RolloutSpec spec =
        RolloutSpec.builder()
            .selector(LabelSelector.of(Map.of("a", "b")))
            .template(new PodTemplate("h", Map.of("a", "b")))
            .strategy(StrategySpec.of(canary))
            .build();
    assertThat(spec.replicas()).isEqualTo(1);
    assertThat(spec.revisionHistoryLimit()).isEqualTo(10);
    assertThat(spec.progressDeadlineSeconds()).isEqualTo(600);
    assertThat(BlueGreenStrategy.builder().build().effectiveAutoPromotionEnabled()).isTrue();
  }
}
