package dev.rollouts.kubernetes.mapping;

import static dev.rollouts.kubernetes.mapping.Fixtures.canary;
import static dev.rollouts.kubernetes.mapping.Fixtures.rolloutOf;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values of the wrong type or shape: a ManifestException naming the object and the field. */
class UnreadableRolloutTest {

  private static final String KINDS =
      "setWeight, pause, setCanaryScale, analysis, experiment, setHeaderRoute, setMirrorRoute";

  @ParameterizedTest(name = "canary: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "steps: [{setWeight: 10}, {pause: {}}, {setWeight: abc}]"
            + " | spec.strategy.canary.steps[2].setWeight: must be an integer, was \"abc\"",
        "steps: [{setWeight: 2.5}] | spec.strategy.canary.steps[0].setWeight: must be an integer,"
            + " was 2.5",
        "steps: [{setWeight: 3000000000}] | spec.strategy.canary.steps[0].setWeight: must be an"
            + " integer between -2147483648 and 2147483647, was 3000000000",
        "steps: {setWeight: 10} | spec.strategy.canary.steps: must be a list, was an object",
        "steps: [{plugin: {name: x}}]"
            + " | spec.strategy.canary.steps[0].plugin: is not a kind of step; a step is one of "
            + KINDS,
        "steps: [{pause: {duration: true}}] | spec.strategy.canary.steps[0].pause.duration: must be"
            + " an integer of seconds or a string like \"30s\", was true",
        "steps: [{pause: 30}] | spec.strategy.canary.steps[0].pause: must be an object, was 30",
        "steps: [{analysis: success-rate}] | spec.strategy.canary.steps[0].analysis: must be an"
            + " object, was \"success-rate\"",
        "steps: [{setCanaryScale: {matchTrafficWeight: yes please}}] |"
            + " spec.strategy.canary.steps[0].setCanaryScale.matchTrafficWeight: must be true or"
            + " false, was \"yes please\"",
        "steps: [{setHeaderRoute: {name: r, match: [{headerName: a, headerValue: {exact: x, regex:"
            + " y}}]}}] | spec.strategy.canary.steps[0].setHeaderRoute.match[0].headerValue: must"
            + " have exactly one of exact, prefix and regex, has 2",
        "maxSurge: lots | spec.strategy.canary.maxSurge: must be an integer or a percentage like"
            + " \"25%\", was \"lots\"",
        "maxUnavailable: true | spec.strategy.canary.maxUnavailable: must be an integer or a"
            + " percentage like \"25%\", was true",
        "canaryService: 42 | spec.strategy.canary.canaryService: must be a string, was 42",
        "trafficRouting: {nginx: web} | spec.strategy.canary.trafficRouting.nginx: must be an"
            + " object, was \"web\"",
        "trafficRouting: {maxTrafficWeight: max} |"
            + " spec.strategy.canary.trafficRouting.maxTrafficWeight: must be an integer, was"
            + " \"max\"",
        "antiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {},"
            + " preferredDuringSchedulingIgnoredDuringExecution: {weight: 1}} |"
            + " spec.strategy.canary.antiAffinity: must have exactly one of"
            + " preferredDuringSchedulingIgnoredDuringExecution and"
            + " requiredDuringSchedulingIgnoredDuringExecution",
        "replicaProgressThreshold: {type: Nodes, value: 1} |"
            + " spec.strategy.canary.replicaProgressThreshold.type: must be Pods or Percent, was"
            + " \"Nodes\"",
        "replicaProgressThreshold: {type: Pods} |"
            + " spec.strategy.canary.replicaProgressThreshold.value: is required",
      })
  void namesTheRolloutAndTheCanaryField(String canaryBody, String message) {
    assertThatThrownBy(() -> rolloutOf(canary(canaryBody)))
        .isInstanceOf(ManifestException.class)
        .hasMessage("Rollout default/web: " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "'  replicas: three' | spec.replicas: must be an integer, was \"three\"",
        "'  paused: yes please' | spec.paused: must be true or false, was \"yes please\"",
        "'  restartAt: soon' | spec.restartAt: must be an RFC 3339 time like"
            + " \"2026-01-01T00:00:00Z\", was \"soon\"",
        "'  selector: {matchLabels: {app: 1}}' | spec.selector.matchLabels.app: must be a string,"
            + " was 1",
        "'  selector: {matchExpressions: [{key: a, operator: Maybe}]}' |"
            + " spec.selector.matchExpressions[0].operator: must be one of In, NotIn, Exists,"
            + " DoesNotExist, was \"Maybe\"",
        "'  strategy: canary' | spec.strategy: must be an object, was \"canary\"",
        "'  template: [app]' | spec.template: must be an object, was a list",
      })
  void namesTheRolloutAndTheSpecField(String specLine, String message) {
    String yaml =
        "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n"
            + specLine.substring(1, specLine.length() - 1)
            + "\n";

    assertThatThrownBy(() -> rolloutOf(yaml))
        .isInstanceOf(ManifestException.class)
        .hasMessage("Rollout default/web: " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "currentStepIndex: one | status.currentStepIndex: must be an integer, was \"one\"",
        "observedGeneration: 3 | status.observedGeneration: must be a string, was 3",
        "phase: Sleeping | status.phase: must be one of Healthy, Progressing, Paused, Degraded, was"
            + " \"Sleeping\"",
        "pauseConditions: [{reason: Coffee, startTime: '2026-01-01T00:00:00Z'}]"
            + " | status.pauseConditions[0].reason: must be one of BlueGreenPause, CanaryPauseStep,"
            + " InconclusiveAnalysisRun, InconclusiveExperiment, was \"Coffee\"",
        "pauseConditions: [{reason: CanaryPauseStep}] | status.pauseConditions[0].startTime: is"
            + " required",
        "conditions: [{type: Available, status: 'True', lastTransitionTime:"
            + " '2026-01-01T00:00:00Z'}] | status.conditions[0].lastUpdateTime: is required",
        "conditions: [{type: Happy, status: 'True'}] | status.conditions[0].type: must be one of"
            + " Available, Progressing, Healthy, Paused, Completed, InvalidSpec, ReplicaFailure,"
            + " was \"Happy\"",
        "canary: {weights: {canary: {weight: half}}} | status.canary.weights.canary.weight: must be"
            + " an integer, was \"half\"",
        "abortedAt: yesterday | status.abortedAt: must be an RFC 3339 time like"
            + " \"2026-01-01T00:00:00Z\", was \"yesterday\"",
      })
  void namesTheRolloutAndTheStatusField(String statusBody, String message) {
    assertThatThrownBy(() -> rolloutOf(canary("{}") + "status: {" + statusBody + "}\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage("Rollout default/web: " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{name: web, generation: x} | metadata.generation: must be an integer, was \"x\"",
        "{name: web, labels: [a]} | metadata.labels: must be an object, was a list",
        "{namespace: shop} | metadata.name: is required",
      })
  void namesTheRolloutAndTheMetadataField(String metadata, String message) {
    String yaml =
        "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: " + metadata + "\nspec: {}\n";
    String object = metadata.contains("shop") ? "Rollout shop/" : "Rollout default/web";

    assertThatThrownBy(() -> rolloutOf(yaml))
        .isInstanceOf(ManifestException.class)
        .hasMessage(object + ": " + message);
  }
}
