package dev.rollouts.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorsTest {

  static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front");

  @Test
  void matchLabelsAndEveryOperatorAreCheckedInCode() {
    assertThat(Selectors.matches(Map.of("matchLabels", Map.of("app", "web")), LABELS)).isTrue();
    assertThat(Selectors.matches(Map.of("matchLabels", Map.of("app", "api")), LABELS)).isFalse();
    assertThat(Selectors.matches(expr("tier", "In", "front", "back"), LABELS)).isTrue();
    assertThat(Selectors.matches(expr("tier", "NotIn", "front"), LABELS)).isFalse();
    assertThat(Selectors.matches(expr("zone", "NotIn", "a"), LABELS)).isTrue();
    assertThat(Selectors.matches(expr("app", "Exists"), LABELS)).isTrue();
    assertThat(Selectors.matches(expr("app", "DoesNotExist"), LABELS)).isFalse();
  }

  @Test
  void anEmptyOrAbsentSelectorSelectsNothing() {
    assertThat(Selectors.matches(Map.of(), LABELS)).isFalse();
    assertThat(Selectors.matches(null, LABELS)).isFalse();
  }

  static Map<String, Object> expr(String key, String operator, String... values) {
    return Map.of(
        "matchExpressions",
        List.of(Map.of("key", key, "operator", operator, "values", List.of(values))));
  }
}
