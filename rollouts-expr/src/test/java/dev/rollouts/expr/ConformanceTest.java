package dev.rollouts.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance table, {@code conformance.txt}: Argo's documented conditions and the cases of its
 * {@code utils/evaluate/evaluate_test.go}, expr-lang's documented examples, Go's number rules and
 * the error messages. Each row names its expression, the variables and the exact value (int and
 * float told apart) or the exact message.
 */
class ConformanceTest {
  /** What {@code now()} answers in every row. */
  static final Instant NOW = Instant.parse("2023-08-14T00:00:00Z");

  record Row(int line, String expression, String variables, String expected) {
    @Override
    public String toString() {
      return "line " + line + ": " + expression.replace('\n', ' ');
    }
  }

  static Stream<Arguments> rows() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    ConformanceTest.class.getResourceAsStream("conformance.txt")),
                StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      StringBuilder pending = null;
      int start = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (pending == null) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          pending = new StringBuilder(line);
          start = number;
        } else {
          pending.append('\n').append(line);
        }
        Row row = complete(start, pending.toString());
        if (row != null) {
          rows.add(Arguments.of(row));
          pending = null;
        }
      }
      if (pending != null) {
        throw new IllegalStateException("unfinished row at line " + start + ": " + pending);
      }
    }
    return rows.stream();
  }

  /** The row, or null while its text continues on the next line (an open string literal). */
  private static Row complete(int line, String text) {
    int arrow = text.lastIndexOf(" => ");
    if (arrow < 0) {
      return null;
    }
    String expected = text.substring(arrow + 4).strip();
    if (!expected.startsWith("error:") && !expected.startsWith("syntax:")) {
      try {
        Expression.parse(expected);
      } catch (ExpressionSyntaxException e) {
        if (e.reason().equals("literal not terminated")) {
          return null;
        }
        throw e;
      }
    }
    String left = text.substring(0, arrow);
    int at = left.indexOf(" @ ");
    String expression = (at < 0 ? left : left.substring(0, at)).strip();
    String variables = at < 0 ? "{}" : left.substring(at + 3).strip();
    return new Row(line, expression, variables, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void evaluatesAsExprDoes(Row row) {
    @SuppressWarnings("unchecked")
    Map<String, Object> variables =
        (Map<String, Object>) Expression.parse(row.variables()).evaluate(Map.of());
    if (row.expected().startsWith("syntax:")) {
      String message = row.expected().substring("syntax:".length()).strip();
      assertThatThrownBy(() -> Expression.parse(row.expression()))
          .isInstanceOf(ExpressionSyntaxException.class)
          .hasMessage(message);
    } else if (row.expected().startsWith("error:")) {
      String message = row.expected().substring("error:".length()).strip();
      Expression expression = Expression.parse(row.expression());
      assertThatThrownBy(() -> expression.evaluate(variables, NOW))
          .isInstanceOf(ExpressionEvaluationException.class)
          .hasMessage(message);
    } else {
      Object expected = Expression.parse(row.expected()).evaluate(Map.of());
      Object actual = Expression.parse(row.expression()).evaluate(variables, NOW);
      assertThat(actual).isEqualTo(expected);
      if (expected != null) {
        assertThat(actual).hasSameClassAs(expected);
      }
    }
  }
}
