package dev.rollouts.analysis;

import static dev.rollouts.analysis.TreeReader.bool;
import static dev.rollouts.analysis.TreeReader.extra;
import static dev.rollouts.analysis.TreeReader.integer;
import static dev.rollouts.analysis.TreeReader.list;
import static dev.rollouts.analysis.TreeReader.map;
import static dev.rollouts.analysis.TreeReader.requiredString;
import static dev.rollouts.analysis.TreeReader.string;
import static dev.rollouts.analysis.TreeReader.stringMap;
import static dev.rollouts.analysis.TreeReader.time;

import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.AnalysisRunStatus;
import dev.rollouts.analysis.status.Measurement;
import dev.rollouts.analysis.status.MetricResult;
import dev.rollouts.analysis.status.RunSummary;
import dev.rollouts.core.Trees;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads an AnalysisRun's {@code status} from a JSON-like tree. */
final class StatusReader {

  private static final Set<String> STATUS_FIELDS =
      Set.of(
          "phase",
          "message",
          "metricResults",
          "startedAt",
          "completedAt",
          "runSummary",
          "dryRunSummary");

  private StatusReader() {}

  static AnalysisRunStatus status(Map<String, ?> tree, String path) {
    return AnalysisRunStatus.builder()
        .phase(phase(tree, path))
        .message(nonEmpty(string(tree, "message", path)))
        .metricResults(list(tree, "metricResults", path, StatusReader::result))
        .startedAt(time(tree, "startedAt", path))
        .completedAt(time(tree, "completedAt", path))
        .runSummary(summary(tree, "runSummary", path))
        .dryRunSummary(summary(tree, "dryRunSummary", path))
        .extra(Trees.copyOf(extra(tree, STATUS_FIELDS)))
        .build();
  }

  static MetricResult result(Map<String, ?> tree, String path) {
    return MetricResult.builder()
        .name(requiredString(tree, "name", path))
        .phase(phase(tree, path).orElse(AnalysisPhase.Pending))
        .measurements(list(tree, "measurements", path, StatusReader::measurement))
        .message(nonEmpty(string(tree, "message", path)))
        .count(integer(tree, "count", path).orElse(0))
        .successful(integer(tree, "successful", path).orElse(0))
        .failed(integer(tree, "failed", path).orElse(0))
        .inconclusive(integer(tree, "inconclusive", path).orElse(0))
        .error(integer(tree, "error", path).orElse(0))
        .consecutiveError(integer(tree, "consecutiveError", path).orElse(0))
        .consecutiveSuccess(integer(tree, "consecutiveSuccess", path).orElse(0))
        .dryRun(bool(tree, "dryRun", path))
        .metadata(stringMap(tree, "metadata", path))
        .build();
  }

  static Measurement measurement(Map<String, ?> tree, String path) {
    return Measurement.builder()
        .phase(phase(tree, path).orElse(AnalysisPhase.Pending))
        .message(nonEmpty(string(tree, "message", path)))
        .startedAt(time(tree, "startedAt", path))
        .finishedAt(time(tree, "finishedAt", path))
        .value(string(tree, "value", path))
        .metadata(stringMap(tree, "metadata", path))
        .resumeAt(time(tree, "resumeAt", path))
        .build();
  }

  private static Optional<RunSummary> summary(Map<String, ?> tree, String key, String path) {
    if (tree.get(key) == null) {
      return Optional.empty();
    }
    Map<String, Object> s = map(tree, key, path);
    String at = path + "." + key;
    return Optional.of(
        new RunSummary(
            integer(s, "count", at).orElse(0),
            integer(s, "successful", at).orElse(0),
            integer(s, "failed", at).orElse(0),
            integer(s, "inconclusive", at).orElse(0),
            integer(s, "error", at).orElse(0)));
  }

  private static Optional<AnalysisPhase> phase(Map<String, ?> tree, String path) {
    Optional<String> text = nonEmpty(string(tree, "phase", path));
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AnalysisPhase.valueOf(text.get()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          path
              + ".phase: expected one of Pending, Running, Successful, Failed, Error,"
              + " Inconclusive, got \""
              + text.get()
              + "\"");
    }
  }

  private static Optional<String> nonEmpty(Optional<String> s) {
    return s.filter(v -> !v.isEmpty());
  }
}
