package dev.rollouts.analysis;

import static dev.rollouts.analysis.Driver.metric;
import static dev.rollouts.analysis.status.AnalysisPhase.Failed;
import static dev.rollouts.analysis.status.AnalysisPhase.Successful;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.MeasurementRetention;
import dev.rollouts.analysis.spec.TtlStrategy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Measurement retention ({@code garbageCollectMeasurements}) and the run's TTL ({@code
 * maybeGarbageCollectAnalysisRun}, {@code isAnalysisRunTtlExceeded}) in {@code
 * analysis/analysis.go}.
 */
class RetentionAndTtlTest {

  @Test
  void tenMeasurementsAreKeptByDefault() {
    Driver d = Driver.of(metric("m").interval("1m").build());
    for (int i = 0; i < 12; i++) {
      d.step(Successful);
      d.advanceSeconds(60);
    }
    assertThat(d.result("m").measurements()).hasSize(10);
    assertThat(d.result("m").count()).isEqualTo(12);
    assertThat(d.result("m").measurements().get(9).finishedAt())
        .hasValue(Driver.T0.plusSeconds(11 * 60));
    assertThat(d.last.garbageCollections())
        .containsExactly(new Reconciliation.GarbageCollection("m", 10));
  }

  @Test
  void aRetentionRuleSetsTheLimitByName() {
    Driver d =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(
                        metric("m").interval("1m").build(), metric("other").interval("1m").build())
                    .addMeasurementRetention(new MeasurementRetention("^m$", 3))
                    .build()));
    for (int i = 0; i < 5; i++) {
      d.step(Successful);
      d.advanceSeconds(60);
    }
    assertThat(d.result("m").measurements()).hasSize(3);
    assertThat(d.result("other").measurements()).hasSize(5);
  }

  @Test
  void aCompletedRunIsDeletedOnceItsTtlHasPassed() {
    Driver d =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(metric("m").build())
                    .ttlStrategy(
                        new TtlStrategy(Optional.of(600), Optional.of(60), Optional.empty()))
                    .build()));
    Reconciliation done = d.step(Successful);
    assertThat(done.requeueAfter()).hasValue(Duration.ofSeconds(61));
    assertThat(d.advanceSeconds(60).step(Successful).delete()).isFalse();
    assertThat(d.advanceSeconds(1).step(Successful).delete()).isTrue();
  }

  @Test
  void aFailedRunWithoutItsOwnTtlUsesSecondsAfterCompletion() {
    Driver d =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(metric("m").build())
                    .ttlStrategy(
                        new TtlStrategy(Optional.of(600), Optional.of(60), Optional.empty()))
                    .build()));
    d.step(Failed);
    assertThat(d.advanceSeconds(100).step(Successful).delete()).isFalse();
    assertThat(d.advanceSeconds(501).step(Successful).delete()).isTrue();
  }
}
