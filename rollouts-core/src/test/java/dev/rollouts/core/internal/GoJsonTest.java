package dev.rollouts.core.internal;

import static dev.rollouts.core.internal.GoJson.always;
import static dev.rollouts.core.internal.GoJson.nullable;
import static dev.rollouts.core.internal.GoJson.omitEmpty;
import static dev.rollouts.core.internal.GoJson.pointer;
import static dev.rollouts.core.internal.GoJson.struct;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.internal.GoJson.MapOf;
import dev.rollouts.core.internal.GoJson.Scalar;
import dev.rollouts.core.internal.GoJson.Shape;
import dev.rollouts.core.internal.GoJson.SliceOf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go {@code json.Marshal} behaviour the step hash depends on. */
class GoJsonTest {

  static Stream<Arguments> strings() {
    return Stream.of(
        Arguments.of("plain ASCII, slash and apostrophe", "abc/'x", "\"abc/'x\""),
        Arguments.of("quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\""),
        Arguments.of("HTML characters", "<a&b>", "\"\\u003ca\\u0026b\\u003e\""),
        Arguments.of("non-ASCII stays raw", "caf\u00e9 \u2603", "\"caf\u00e9 \u2603\""),
        Arguments.of("supplementary stays raw", "\ud83d\ude00", "\"\ud83d\ude00\""),
        Arguments.of("line and paragraph separators", "\u2028\u2029", "\"\\u2028\\u2029\""),
        Arguments.of("lone surrogate", "x\ud800y", "\"x\\ufffdy\""),
        Arguments.of("DEL stays raw", "\u007f", "\"\u007f\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void escapesStringsAsGoDoes(String name, String input, String expected) {
    StringBuilder out = new StringBuilder();
    GoJson.appendString(out, input);
    assertThat(out).hasToString(expected);
  }

  @Test
  void escapesControlCharactersWithShortFormsWhereGoHasThem() {
    StringBuilder out = new StringBuilder();
    GoJson.appendString(out, "\b\f\n\r\t\u0000\u001f");
    assertThat(out).hasToString("\"\\b\\f\\n\\r\\t\\u0000\\u001f\"");
  }

  @Test
  void writesStructFieldsInDeclarationOrderAndDropsUndeclaredKeys() {
    Shape shape = struct(always("z", Scalar.STRING), always("a", Scalar.INT));
    assertThat(GoJson.marshal(Map.of("a", 1, "z", "last", "unknown", true), shape))
        .isEqualTo("{\"z\":\"last\",\"a\":1}");
  }

  @Test
  void appliesGoOmitemptyRulesToMissingFields() {
    Shape inner = struct(omitEmpty("labels", new MapOf(Scalar.STRING)));
    Shape shape =
        struct(
            pointer("pointerOmitted", Scalar.INT),
            nullable("pointerNull", inner),
            omitEmpty("stringOmitted", Scalar.STRING),
            always("stringZero", Scalar.STRING),
            always("intZero", Scalar.INT),
            always("boolZero", Scalar.BOOL),
            always("sliceNull", new SliceOf(Scalar.STRING)),
            always("mapNull", new MapOf(Scalar.STRING)),
            omitEmpty("structAlwaysWritten", inner));
    assertThat(GoJson.marshal(Map.of(), shape))
        .isEqualTo(
            "{\"pointerNull\":null,\"stringZero\":\"\",\"intZero\":0,\"boolZero\":false,"
                + "\"sliceNull\":null,\"mapNull\":null,\"structAlwaysWritten\":{}}");
  }

  @Test
  void omitsGoEmptyValuesButKeepsSetPointers() {
    Shape shape =
        struct(
            pointer("zeroPointer", Scalar.INT),
            omitEmpty("zero", Scalar.INT),
            omitEmpty("no", Scalar.BOOL),
            omitEmpty("blank", Scalar.STRING),
            omitEmpty("none", new SliceOf(Scalar.STRING)),
            omitEmpty("empty", new MapOf(Scalar.STRING)),
            always("emptyList", new SliceOf(Scalar.STRING)));
    Map<String, Object> value =
        Map.of(
            "zeroPointer",
            0,
            "zero",
            0,
            "no",
            false,
            "blank",
            "",
            "none",
            List.of(),
            "empty",
            Map.of(),
            "emptyList",
            List.of());
    assertThat(GoJson.marshal(value, shape)).isEqualTo("{\"zeroPointer\":0,\"emptyList\":[]}");
  }

  @Test
  void sortsMapKeysByUtf8BytesNotUtf16Units() {
    // U+E000 sorts before U+1F600 in UTF-8, after it in UTF-16.
    Map<String, Object> map =
        Map.of("\uD83D\uDE00", "smile", "\uE000", "private", "B", "b", "a", "a");
    assertThat(GoJson.marshal(map, new MapOf(Scalar.STRING)))
        .isEqualTo("{\"B\":\"b\",\"a\":\"a\",\"\uE000\":\"private\",\"\uD83D\uDE00\":\"smile\"}");
  }

  @Test
  void writesIntegralNumbersWithoutAFraction() {
    assertThat(GoJson.number(2.0)).isEqualTo("2");
    assertThat(GoJson.number(35L)).isEqualTo("35");
    assertThat(GoJson.number(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(GoJson.number(new BigInteger("4294967296"))).isEqualTo("4294967296");
    assertThat(GoJson.number(new BigDecimal("3.50"))).isEqualTo("3.5");
  }

  @Test
  void writesValuesOutsideTheirShapeAsPlainSortedJson() {
    Shape shape = struct(pointer("selector", struct(omitEmpty("matchLabels", Scalar.STRING))));
    assertThat(GoJson.marshal(Map.of("selector", List.of(Map.of("b", 1, "a", "<"))), shape))
        .isEqualTo("{\"selector\":[{\"a\":\"\\u003c\",\"b\":1}]}");
  }
}
