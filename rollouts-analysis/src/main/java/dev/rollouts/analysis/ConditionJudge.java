package dev.rollouts.analysis;

import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.expr.Expression;
import dev.rollouts.expr.ExpressionException;
import dev.rollouts.expr.Values;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A measured value's phase from the metric's conditions: Argo's {@code EvaluateResult} ({@code
 * utils/evaluate/evaluate.go}). Each condition's text is parsed once and kept; a text that does not
 * parse is kept as its syntax error.
 *
 * <p>The phase is Argo's: an evaluation error in either condition is Error; neither condition is
 * Successful; with only a success condition, failure is its negation (and the other way round); a
 * true failure condition is Failed even when the success condition is true; both false is
 * Inconclusive.
 *
 * <p>The messages go beyond Argo's empty ones: a Failed or Inconclusive measurement names the value
 * and the condition, {@code result[0] = 0.5 did not satisfy successCondition "result[0] >= 0.95"};
 * an error on a nil or empty result names the query that returned no data.
 */
final class ConditionJudge {

  private static final int MAX_CACHED = 4096;

  private final Map<String, Object> parsed = new ConcurrentHashMap<>();

  /** The phase and message of a measured value. */
  record Judgement(AnalysisPhase phase, Optional<String> message) {}

  /** Judges {@code value}; {@code now()} in a condition answers {@code now}. */
  Judgement judge(Metric metric, ProviderResult.Value value, Instant now) {
    Optional<String> success = metric.successCondition().filter(s -> !s.isEmpty());
    Optional<String> failure = metric.failureCondition().filter(s -> !s.isEmpty());
    Map<String, Object> variables = Collections.singletonMap("result", value.result());
    boolean succeeded = false;
    boolean failed = false;
    if (success.isPresent()) {
      try {
        succeeded = expression(success.get()).test(variables, now);
      } catch (ExpressionException e) {
        return error("successCondition", success.get(), value, e);
      }
    }
    if (failure.isPresent()) {
      try {
        failed = expression(failure.get()).test(variables, now);
      } catch (ExpressionException e) {
        return error("failureCondition", failure.get(), value, e);
      }
    }
    if (success.isEmpty() && failure.isEmpty()) {
      return new Judgement(AnalysisPhase.Successful, Optional.empty());
    }
    if (failure.isEmpty()) {
      failed = !succeeded;
    } else if (success.isEmpty()) {
      succeeded = !failed;
    }
    if (failed) {
      String why =
          failure.isPresent()
              ? explain(failure.get(), variables, now)
                  + " satisfied failureCondition \""
                  + failure.get()
                  + "\""
              : explain(success.get(), variables, now)
                  + " did not satisfy successCondition \""
                  + success.get()
                  + "\"";
      return new Judgement(AnalysisPhase.Failed, Optional.of(why));
    }
    if (!succeeded) {
      return new Judgement(
          AnalysisPhase.Inconclusive,
          Optional.of(
              explain(success.get(), variables, now)
                  + " satisfied neither successCondition \""
                  + success.get()
                  + "\" nor failureCondition \""
                  + failure.get()
                  + "\""));
    }
    return new Judgement(AnalysisPhase.Successful, Optional.empty());
  }

  /** Argo's {@code formatEvalError}, naming the query when the provider returned no data. */
  private static Judgement error(
      String kind, String condition, ProviderResult.Value value, ExpressionException e) {
    String prefix = "could not evaluate " + kind + " \"" + condition + "\": ";
    String message;
    if (nilOrEmpty(value.result())) {
      message =
          prefix
              + "metric result is nil or empty: no data returned from the metric provider"
              + value.query().map(q -> " for query \"" + q + "\"").orElse("");
    } else {
      message = prefix + e.getMessage();
    }
    return new Judgement(AnalysisPhase.Error, Optional.of(message));
  }

  private static boolean nilOrEmpty(Object result) {
    return result == null || (result instanceof List<?> list && list.isEmpty());
  }

  /**
   * {@code <left> = <its value>} for a condition that is one comparison ({@code result[0] >=
   * 0.95}), else {@code result = <value>}; values in Go's {@code %v} form.
   */
  private String explain(String condition, Map<String, Object> variables, Instant now) {
    Optional<String> left = ComparisonSplit.left(condition);
    if (left.isPresent() && !left.get().equals("result")) {
      try {
        Object value = expression(left.get()).evaluate(variables, now);
        return left.get() + " = " + Values.format(value);
      } catch (ExpressionException e) {
        // fall through to the whole result
      }
    }
    return "result = " + Values.format(variables.get("result"));
  }

  private Expression expression(String source) {
    if (parsed.size() > MAX_CACHED) {
      parsed.clear();
    }
    Object cached =
        parsed.computeIfAbsent(
            source,
            s -> {
              try {
                return Expression.parse(s);
              } catch (ExpressionException e) {
                return e;
              }
            });
    if (cached instanceof ExpressionException e) {
      throw e;
    }
    return (Expression) cached;
  }
}
