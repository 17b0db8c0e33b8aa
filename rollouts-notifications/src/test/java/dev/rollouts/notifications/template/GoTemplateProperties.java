package dev.rollouts.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Invariants of the engine over any input. */
class GoTemplateProperties {

  @Property
  void aFloatPrintsAsTheShortestTextThatReadsBackAsItself(@ForAll double d) {
    Assume.that(Double.isFinite(d));

    String printed = TemplateEngine.go().compile("t", "{{.x}}").render(Map.of("x", d));

    assertThat(Double.parseDouble(printed)).isEqualTo(d);
    String digits =
        printed.replaceFirst("e[+-]\\d+$", "").replaceAll("[^0-9]", "").replaceFirst("^0+", "");
    assertThat(digits.length()).isLessThanOrEqualTo(17);
  }

  @Property
  void textWithoutActionsRendersUnchanged(@ForAll @StringLength(max = 200) String text) {
    Assume.that(!text.contains("{{"));

    assertThat(TemplateEngine.go().compile("t", text).render(Map.of())).isEqualTo(text);
  }

  @Property
  void jsonWrittenReadsBackAsTheSameValue(
      @ForAll List<@StringLength(max = 20) String> strings, @ForAll double d) {
    Assume.that(Double.isFinite(d));
    Map<String, Object> value = Map.of("strings", strings, "number", d);

    assertThat(Json.read(Json.write(value))).isEqualTo(value);
  }
}
