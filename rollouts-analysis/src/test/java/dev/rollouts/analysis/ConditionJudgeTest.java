package dev.rollouts.analysis;

import static dev.rollouts.analysis.Driver.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisPhase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A value's phase from the conditions: Argo's {@code EvaluateResult} and {@code formatEvalError}
 * ({@code utils/evaluate/evaluate.go}, tests in {@code evaluate_test.go}), and the messages that go
 * beyond Argo's.
 */
class ConditionJudgeTest {

  private static final java.time.Instant NOW = java.time.Instant.parse("2026-01-01T00:00:00Z");
  private final ConditionJudge judge = new ConditionJudge();

  private ConditionJudge.Judgement judge(Metric metric, Object result) {
    return judge.judge(metric, ProviderResult.Value.of(result, String.valueOf(result)), NOW);
  }

  @Test
  void withoutConditionsEveryValueIsSuccessful() {
    assertThat(judge(metric("m").build(), 0.0).phase()).isEqualTo(AnalysisPhase.Successful);
  }

  @Test
  void aFalseSuccessConditionFailsAndSaysWhichValueDidNotSatisfyIt() {
    var j = judge(metric("m").successCondition("result[0] >= 0.95").build(), List.of(0.5));
    assertThat(j.phase()).isEqualTo(AnalysisPhase.Failed);
    assertThat(j.message())
        .hasValue("result[0] = 0.5 did not satisfy successCondition \"result[0] >= 0.95\"");
  }

  @Test
  void aTrueSuccessConditionSucceeds() {
    assertThat(
            judge(metric("m").successCondition("result[0] >= 0.95").build(), List.of(0.97)).phase())
        .isEqualTo(AnalysisPhase.Successful);
  }

  @Test
  void aTrueFailureConditionFailsEvenWhenTheSuccessConditionIsTrue() {
    var j =
        judge(
            metric("m").successCondition("result > 1").failureCondition("result > 2").build(), 3L);
    assertThat(j.phase()).isEqualTo(AnalysisPhase.Failed);
    assertThat(j.message()).hasValue("result = 3 satisfied failureCondition \"result > 2\"");
  }

  @Test
  void onlyAFailureConditionThatIsFalseSucceeds() {
    assertThat(judge(metric("m").failureCondition("result > 2").build(), 1L).phase())
        .isEqualTo(AnalysisPhase.Successful);
  }

  @Test
  void bothConditionsFalseIsInconclusive() {
    var j =
        judge(
            metric("m").successCondition("result > 5").failureCondition("result < 1").build(), 3L);
    assertThat(j.phase()).isEqualTo(AnalysisPhase.Inconclusive);
    assertThat(j.message())
        .hasValue(
            "result = 3 satisfied neither successCondition \"result > 5\" nor failureCondition \"result < 1\"");
  }

  @Test
  void aCompoundConditionIsExplainedByTheWholeResult() {
    var j =
        judge(
            metric("m").successCondition("len(result) > 0 && result[0] > 1").build(),
            List.of(0.5, 0.25));
    assertThat(j.message())
        .hasValue(
            "result = [0.5 0.25] did not satisfy successCondition \"len(result) > 0 && result[0] > 1\"");
  }

  @Test
  void anEmptyResultThatBreaksTheConditionSaysNoDataAndNamesTheQuery() {
    var j =
        judge.judge(
            metric("m").successCondition("result[0] >= 0.95").build(),
            new ProviderResult.Value(List.of(), "[]", Optional.of("sum(up)"), Map.of()),
            NOW);
    assertThat(j.phase()).isEqualTo(AnalysisPhase.Error);
    assertThat(j.message())
        .hasValue(
            "could not evaluate successCondition \"result[0] >= 0.95\": metric result is nil or empty:"
                + " no data returned from the metric provider for query \"sum(up)\"");
  }

  @Test
  void anEvaluationErrorOnDataNamesTheConditionAndTheError() {
    var j = judge(metric("m").successCondition("result.x > 1").build(), "text");
    assertThat(j.phase()).isEqualTo(AnalysisPhase.Error);
    assertThat(j.message().orElseThrow())
        .startsWith("could not evaluate successCondition \"result.x > 1\": ");
  }

  @Test
  void aSyntaxErrorIsAnErrorMeasurement() {
    var j = judge(metric("m").failureCondition("result >").build(), 1L);
    assertThat(j.phase()).isEqualTo(AnalysisPhase.Error);
    assertThat(j.message().orElseThrow())
        .startsWith("could not evaluate failureCondition \"result >\": ");
  }

  @Test
  void nowInAConditionIsTheReconcilesTime() {
    assertThat(
            judge(
                    metric("m").successCondition("now() > date(\"2025-12-31T00:00:00Z\")").build(),
                    1L)
                .phase())
        .isEqualTo(AnalysisPhase.Successful);
  }

  @Test
  void argosDocumentedIdiomsJudgeAsDocumented() {
    assertThat(
            judge(
                    metric("m").successCondition("len(result) == 0 || result[0] >= 0.95").build(),
                    List.of())
                .phase())
        .isEqualTo(AnalysisPhase.Successful);
    assertThat(
            judge(
                    metric("m").successCondition("all(result, # < 1000)").build(),
                    List.of(10.0, 999.0))
                .phase())
        .isEqualTo(AnalysisPhase.Successful);
    assertThat(
            judge(
                    metric("m").successCondition("isNaN(result) || result >= 0.95").build(),
                    Double.NaN)
                .phase())
        .isEqualTo(AnalysisPhase.Successful);
    assertThat(
            judge(
                    metric("m")
                        .successCondition("result.ok && result.successPercent >= 0.90")
                        .build(),
                    Map.of("ok", true, "successPercent", 0.5))
                .phase())
        .isEqualTo(AnalysisPhase.Failed);
    assertThat(
            judge(
                    metric("m").successCondition("default(result, 0) < 0.05").build(),
                    Arrays.asList((Object) null).get(0))
                .phase())
        .isEqualTo(AnalysisPhase.Successful);
  }
}
