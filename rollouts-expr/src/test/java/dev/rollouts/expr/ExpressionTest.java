package dev.rollouts.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The public contract of {@link Expression}, beyond the conformance table. */
class ExpressionTest {

  @Test
  void testReturnsTheBooleanTheConditionYields() {
    Expression condition = Expression.parse("len(result) == 0 || result[0] >= 0.95");
    assertThat(condition.test(Map.of("result", List.of(0.97)))).isTrue();
    assertThat(condition.test(Map.of("result", List.of(0.50)))).isFalse();
    assertThat(condition.test(Map.of("result", List.of()))).isTrue();
  }

  /** Argo's TestErrorWithNonBoolReturn: {@code "1"} gives "expected bool, but got int". */
  @Test
  void testRefusesAValueThatIsNotABooleanWithArgosMessage() {
    assertThatThrownBy(() -> Expression.parse("1").test(Map.of()))
        .isInstanceOf(ExpressionEvaluationException.class)
        .hasMessage("expected bool, but got int");
    assertThatThrownBy(() -> Expression.parse("result").test(Map.of("result", 0.5)))
        .hasMessage("expected bool, but got float64");
    assertThatThrownBy(() -> Expression.parse("nil").test(Map.of()))
        .hasMessage("expected bool, but got <nil>");
  }

  @Test
  void aSyntaxErrorNamesItsLineColumnAndOffset() {
    assertThatThrownBy(() -> Expression.parse("result[0] >= )"))
        .isInstanceOfSatisfying(
            ExpressionSyntaxException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("line 1, column 14: unexpected token ')'");
              assertThat(e.position()).isEqualTo(13);
              assertThat(e.reason()).isEqualTo("unexpected token ')'");
            });
    assertThatThrownBy(() -> Expression.parse("result.ok &&\n  result.x >= )"))
        .isInstanceOfSatisfying(
            ExpressionSyntaxException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("line 2, column 15: unexpected token ')'");
              assertThat(e.position()).isEqualTo(27);
            });
  }

  @Test
  void bothFailuresAreExpressionExceptions() {
    assertThat(new ExpressionSyntaxException("x", 0, "r")).isInstanceOf(ExpressionException.class);
    assertThat(new ExpressionEvaluationException("m")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void javaIntegersAndFloatsAreAcceptedAndComeBackAsLongsAndDoubles() {
    Map<String, Object> variables = Map.of("i", 3, "f", 0.5f, "s", (short) 2, "b", (byte) 1);
    assertThat(Expression.parse("i").evaluate(variables)).isEqualTo(3L);
    assertThat(Expression.parse("f").evaluate(variables)).isEqualTo(0.5);
    assertThat(Expression.parse("i + s + b").evaluate(variables)).isEqualTo(6L);
    assertThat(Expression.parse("[i, f]").evaluate(variables)).isEqualTo(List.of(3L, 0.5));
    assertThat(Expression.parse("xs").evaluate(Map.of("xs", List.of(1, 2))))
        .isEqualTo(List.of(1L, 2L));
    assertThat(Expression.parse("xs[0] == 1 && xs[1] > 1.5").test(Map.of("xs", List.of(1, 2))))
        .isTrue();
  }

  @Test
  void aValueOfAnotherTypeIsAnEvaluationErrorWhenTouched() {
    Map<String, Object> variables = Map.of("d", new BigDecimal("1.5"), "ok", true);
    assertThat(Expression.parse("ok").test(variables)).isTrue();
    assertThatThrownBy(() -> Expression.parse("d").evaluate(variables))
        .isInstanceOf(ExpressionEvaluationException.class)
        .hasMessage("unsupported value of type java.math.BigDecimal");
    assertThatThrownBy(() -> Expression.parse("d > 1").evaluate(variables))
        .hasMessage("invalid operation: > (mismatched types java.math.BigDecimal and int)");
  }

  @Test
  void aNilVariableIsNilAndAMissingOneIsAnError() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("result", null);
    assertThat(Expression.parse("result == nil").test(variables)).isTrue();
    assertThatThrownBy(() -> Expression.parse("other == nil").test(variables))
        .hasMessage("unknown name other");
  }

  @Test
  void resultsAreUnmodifiable() {
    Object list = Expression.parse("[1, 2]").evaluate(Map.of());
    Object map = Expression.parse("{a: [1]}").evaluate(Map.of());
    assertThatThrownBy(() -> ((List<Object>) list).add(3L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<String, Object>) map).put("b", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sourceIsTheTextAsGiven() {
    Expression e = Expression.parse("  result  >  1 ");
    assertThat(e.source()).isEqualTo("  result  >  1 ");
    assertThat(e).hasToString("  result  >  1 ");
  }

  @Test
  void nullArgumentsAreRefused() {
    assertThatThrownBy(() -> Expression.parse(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Expression.parse("1").evaluate(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aDeeplyNestedExpressionIsASyntaxErrorNotAStackOverflow() {
    String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
    assertThatThrownBy(() -> Expression.parse(deep))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageContaining("expression nested too deeply");
    String longChain = "1" + " + 1".repeat(20000);
    assertThatThrownBy(() -> Expression.parse(longChain))
        .hasMessageContaining("expression nested too deeply");
    String allowed = "1" + " + 1".repeat(300);
    assertThat(Expression.parse(allowed).evaluate(Map.of())).isEqualTo(301L);
  }

  @Test
  void oneParsedExpressionEvaluatesConcurrentlyWithoutInterference() throws Exception {
    Expression e = Expression.parse("sum(map(xs, {# * k})) + reduce(xs, #acc + #, 0)");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long k = t + 1;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2000; i++) {
                    List<Long> xs = List.of((long) i, (long) i + 1);
                    long expected = (2L * i + 1) * k + (2L * i + 1);
                    if (!e.evaluate(Map.of("xs", xs, "k", k)).equals(expected)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nowIsTheTimeTheCallerGivesAndAnErrorWithoutOne() {
    Instant now = Instant.parse("2026-01-01T00:10:00Z");
    Expression e = Expression.parse("now() - duration('10m')");
    assertThat(e.evaluate(Map.of(), now)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThatThrownBy(() -> e.evaluate(Map.of()))
        .isInstanceOf(ExpressionEvaluationException.class)
        .hasMessage("now() needs the evaluation time: call evaluate(variables, now)");
    assertThat(Expression.parse("now() > t").test(Map.of("t", now.minusSeconds(1)), now)).isTrue();
  }

  /**
   * Notifications' {@code when: time.Now().Sub(time.Parse(rollout.spec.restartAt)).Minutes() > 4}:
   * the caller offers {@code time} as a map of functions of the argument list.
   */
  @Test
  void aFunctionInAMapIsCalledAsAMethod() {
    Instant now = Instant.parse("2026-01-01T00:10:00Z");
    Function<List<Object>, Object> parse = args -> Instant.parse((String) args.get(0));
    Function<List<Object>, Object> clock = args -> now;
    Map<String, Object> variables =
        Map.of(
            "time", Map.of("Now", clock, "Parse", parse),
            "rollout", Map.of("spec", Map.of("restartAt", "2026-01-01T00:04:00Z")));
    Expression when =
        Expression.parse("time.Now().Sub(time.Parse(rollout.spec.restartAt)).Minutes() > 4");
    assertThat(when.test(variables)).isTrue();
    assertThat(Expression.parse("time.Parse('2026-01-01T00:00:00Z').Unix()").evaluate(variables))
        .isEqualTo(1767225600L);
  }

  @Test
  void aFailingFunctionIsAnEvaluationErrorNamingTheMethod() {
    Function<List<Object>, Object> parse = args -> Instant.parse((String) args.get(0));
    Map<String, Object> variables = Map.of("time", Map.of("Parse", parse));
    assertThatThrownBy(() -> Expression.parse("time.Parse('yesterday')").evaluate(variables))
        .isInstanceOf(ExpressionEvaluationException.class)
        .hasMessageStartingWith("Parse: ");
    assertThatThrownBy(() -> Expression.parse("time.Other()").evaluate(variables))
        .hasMessage("type map[string]interface {} has no method Other");
  }

  @Test
  void timesAndDurationsGoInAndComeOut() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Map<String, Object> variables = Map.of("t", t, "d", Duration.ofMinutes(5));
    assertThat(Expression.parse("t + d").evaluate(variables)).isEqualTo(t.plusSeconds(300));
    assertThat(Expression.parse("d.Seconds()").evaluate(variables)).isEqualTo(300.0);
    assertThat(Values.format(t)).isEqualTo("2026-01-01 00:00:00 +0000 UTC");
    assertThat(Values.format(Duration.ofSeconds(3725))).isEqualTo("1h2m5s");
  }
}
