package dev.rollouts.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Values#format} against what Go's {@code fmt.Sprintf("%v", v)} prints. */
class ValuesTest {

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({
    "0.5, 0.5",
    "2.0, 2",
    "0.95, 0.95",
    "100000.0, 100000",
    "1000000.0, 1e+06",
    "1234567.0, 1.234567e+06",
    "123456789.0, 1.23456789e+08",
    "1e21, 1e+21",
    "1e100, 1e+100",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "0.000123, 0.000123",
    "-2.5, -2.5",
    "0.30000000000000004, 0.30000000000000004",
    "5e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "-0.0, -0",
    "0.0, 0",
  })
  void floatsPrintAsGoPrintsThem(double value, String printed) {
    assertThat(Values.format(value)).isEqualTo(printed);
  }

  @Test
  void specialFloatsPrintAsGoPrintsThem() {
    assertThat(Values.format(Double.NaN)).isEqualTo("NaN");
    assertThat(Values.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(Values.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void otherValuesPrintAsGoPrintsThem() {
    assertThat(Values.format(null)).isEqualTo("<nil>");
    assertThat(Values.format(true)).isEqualTo("true");
    assertThat(Values.format(42L)).isEqualTo("42");
    assertThat(Values.format(42)).isEqualTo("42");
    assertThat(Values.format(0.5f)).isEqualTo("0.5");
    assertThat(Values.format("a b")).isEqualTo("a b");
    assertThat(Values.format(List.of(1L, 2L))).isEqualTo("[1 2]");
    assertThat(Values.format(List.of())).isEqualTo("[]");
    assertThat(Values.format(List.of(0.99, 0.98))).isEqualTo("[0.99 0.98]");
    assertThat(Values.format(Arrays.asList(1L, null, "x", List.of(2.5))))
        .isEqualTo("[1 <nil> x [2.5]]");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", 2L);
    map.put("a", List.of(1L));
    assertThat(Values.format(map)).isEqualTo("map[a:[1] b:2]");
    assertThat(Values.format(Map.of())).isEqualTo("map[]");
    assertThat(Values.format(new ArrayList<>(List.of(Map.of("k", true)))))
        .isEqualTo("[map[k:true]]");
  }
}
