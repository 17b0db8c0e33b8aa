package dev.rollouts.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code translateReasonToTrigger} (utils/record/record.go), on every reason the controller
 * records.
 */
class TriggersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          RolloutCompleted        | on-rollout-completed
          RolloutStepCompleted    | on-rollout-step-completed
          RolloutUpdated          | on-rollout-updated
          ScalingReplicaSet       | on-scaling-replica-set
          RolloutPaused           | on-rollout-paused
          RolloutAborted          | on-rollout-aborted
          AnalysisRunRunning      | on-analysis-run-running
          AnalysisRunError        | on-analysis-run-error
          AnalysisRunFailed       | on-analysis-run-failed
          RolloutResumed          | on-rollout-resumed
          RolloutNotCompleted     | on-rollout-not-completed
          RolloutAddedToInformer  | on-rollout-added-to-informer
          NewReplicaSetCreated    | on-new-replica-set-created
          ReplicaSetCreateError   | on-replica-set-create-error
          AnalysisRunSuccessful   | on-analysis-run-successful
          TrafficWeightUpdated    | on-traffic-weight-updated
          SwitchService           | on-switch-service
          SkipSteps               | on-skip-steps
          Updated VirtualService  | on-updated -virtual-service
          """)
  void translatesAReasonAsArgoDoes(String reason, String trigger) {
    assertThat(Triggers.forReason(reason)).isEqualTo(trigger);
  }
}
