package dev.rollouts.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;

/** Invariants of the language, over generated expressions, numbers and arbitrary text. */
class ExpressionProperties {

  @Provide
  Arbitrary<String> expressions() {
    return Sources.expressions();
  }

  @Provide
  Arbitrary<Map<String, Object>> variables() {
    return Arbitraries.longs()
        .flatMap(
            x ->
                Arbitraries.doubles()
                    .flatMap(
                        y ->
                            Arbitraries.longs()
                                .between(-5, 5)
                                .list()
                                .ofMaxSize(4)
                                .map(
                                    xs -> {
                                      Map<String, Object> vars = new HashMap<>();
                                      vars.put("x", x);
                                      vars.put("y", y);
                                      vars.put("s", "a,b");
                                      vars.put("xs", xs);
                                      Map<String, Object> m = new HashMap<>();
                                      m.put("k", x);
                                      m.put("n", null);
                                      vars.put("m", m);
                                      return vars;
                                    })));
  }

  /** What evaluating gives: the value, or the kind and message of the failure. */
  private static Object outcome(String source, Map<String, Object> variables) {
    try {
      return List.of("value", String.valueOf(Expression.parse(source).evaluate(variables)));
    } catch (ExpressionException e) {
      return List.of(e.getClass().getSimpleName(), e.getMessage());
    }
  }

  @Property(tries = 400)
  void printingAParsedExpressionGivesSourceThatParsesToTheSameTree(
      @ForAll("expressions") String source) {
    String printed = Printer.print(Parser.parse(source));
    assertThat(Printer.print(Parser.parse(printed))).isEqualTo(printed);
  }

  @Property(tries = 400)
  void theReprintedExpressionEvaluatesAsTheOriginalDoes(
      @ForAll("expressions") String source, @ForAll("variables") Map<String, Object> variables) {
    String printed = Printer.print(Parser.parse(source));
    assertThat(outcome(printed, variables)).isEqualTo(outcome(source, variables));
  }

  @Property(tries = 400)
  void evaluationIsDeterministicAndFailsOnlyWithExpressionEvaluationException(
      @ForAll("expressions") String source, @ForAll("variables") Map<String, Object> variables) {
    Expression expression = Expression.parse(source);
    Object first;
    try {
      first = expression.evaluate(variables);
    } catch (ExpressionEvaluationException e) {
      first = e.getMessage();
    }
    Object second;
    try {
      second = expression.evaluate(variables);
    } catch (ExpressionEvaluationException e) {
      second = e.getMessage();
    }
    assertThat(String.valueOf(second)).isEqualTo(String.valueOf(first));
  }

  @Property(tries = 1000)
  void parseThrowsOnlyExpressionSyntaxExceptionOnArbitraryText(
      @ForAll @StringLength(max = 40) String text) {
    try {
      Expression.parse(text);
    } catch (ExpressionSyntaxException e) {
      assertThat(e.position()).isBetween(0, text.length());
      assertThat(e.getMessage()).startsWith("line ");
    }
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(
            "(", ")", "[", "]", "{", "}", "#", ".", "?.", "?", ":", "??", ",", ";", "'", "\"", "`",
            "\\", "1", "1.5", "e", "x", "in", "not", "and", "|", "..", "-", "**", "let", "if",
            "else", "=", "all", "len", "/*", "//", "\n", " ", "0x", "_")
        .list()
        .ofMaxSize(25)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 1500)
  void parseThrowsOnlyExpressionSyntaxExceptionOnTokenSoup(@ForAll("tokenSoup") String text) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("x", 1L);
    vars.put("e", List.of(1L));
    try {
      Expression.parse(text).evaluate(vars);
    } catch (ExpressionSyntaxException e) {
      assertThat(e.position()).isBetween(0, text.length());
    } catch (ExpressionEvaluationException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property
  void intArithmeticIsGoInt64Arithmetic(@ForAll long a, @ForAll long b) {
    Map<String, Object> v = Map.of("a", a, "b", b);
    assertThat(Expression.parse("a + b").evaluate(v)).isEqualTo(a + b);
    assertThat(Expression.parse("a - b").evaluate(v)).isEqualTo(a - b);
    assertThat(Expression.parse("a * b").evaluate(v)).isEqualTo(a * b);
    assertThat(Expression.parse("a / b").evaluate(v)).isEqualTo((double) a / (double) b);
    assertThat(Expression.parse("a < b").evaluate(v)).isEqualTo(a < b);
    assertThat(Expression.parse("a == b").evaluate(v)).isEqualTo(a == b);
    if (b != 0) {
      assertThat(Expression.parse("a % b").evaluate(v)).isEqualTo(a % b);
    }
    assertThat(Expression.parse("-a").evaluate(v)).isEqualTo(-a);
  }

  @Property
  void mixedArithmeticConvertsTheIntToFloat64(@ForAll long a, @ForAll double d) {
    Map<String, Object> v = Map.of("a", a, "d", d);
    assertThat(Expression.parse("a + d").evaluate(v)).isEqualTo((double) a + d);
    assertThat(Expression.parse("d * a").evaluate(v)).isEqualTo(d * (double) a);
    assertThat(Expression.parse("a == d").evaluate(v)).isEqualTo((double) a == d);
    assertThat(Expression.parse("a < d").evaluate(v)).isEqualTo((double) a < d);
    assertThat(Expression.parse("d >= a").evaluate(v)).isEqualTo(d >= (double) a);
  }

  @Property
  void floatComparisonsWithNaNAreFalse(@ForAll double d) {
    Map<String, Object> v = Map.of("d", d, "nan", Double.NaN);
    for (String op : List.of("<", "<=", ">", ">=", "==")) {
      assertThat(Expression.parse("nan " + op + " d").test(v)).isFalse();
      assertThat(Expression.parse("d " + op + " nan").test(v)).isFalse();
    }
    assertThat(Expression.parse("nan != d").test(v)).isTrue();
  }

  @Property
  void aFloatPrintedAsGoPrintsItReadsBackExactly(@ForAll double d) {
    String printed = Values.format(d);
    Map<String, Object> v = Map.of("text", printed);
    Object back = Expression.parse("asFloat(text)").evaluate(v);
    assertThat(back).isEqualTo(d);
  }

  @Property
  void aFloatLiteralReadsAsJavaReadsTheSameDigits(
      @ForAll @DoubleRange(min = 0, max = 1e300) double d) {
    String literal = Double.toString(d);
    assertThat(Expression.parse(literal).evaluate(Map.of())).isEqualTo(d);
  }

  @Property(tries = 200)
  void filterKeepsExactlyTheElementsThePredicateAccepts(
      @ForAll List<@net.jqwik.api.constraints.IntRange(min = -50, max = 50) Integer> xs,
      @ForAll @net.jqwik.api.constraints.IntRange(min = -50, max = 50) int limit) {
    Map<String, Object> v = Map.of("xs", xs, "limit", limit);
    List<Long> expected = new ArrayList<>();
    xs.stream().filter(x -> x > limit).forEach(x -> expected.add((long) x));
    assertThat(Expression.parse("filter(xs, # > limit)").evaluate(v)).isEqualTo(expected);
    assertThat(Expression.parse("all(xs, # > limit)").evaluate(v))
        .isEqualTo(expected.size() == xs.size());
    assertThat(Expression.parse("count(xs, # > limit)").evaluate(v))
        .isEqualTo((long) expected.size());
  }
}
