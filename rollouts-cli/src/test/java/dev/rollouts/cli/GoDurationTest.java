package dev.rollouts.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest(name = "{0} is {1} ms")
  @CsvSource({
    "0, 0",
    "30s, 30000",
    "1.5h, 5400000",
    "2h45m, 9900000",
    "500ms, 500",
    "1m30s, 90000",
    "10us, 0"
  })
  void durationsReadAsGoReadsThem(String text, long millis) {
    assertThat(GoDuration.parse(text))
        .isEqualTo(Duration.ofMillis(millis).plusNanos(text.equals("10us") ? 10_000 : 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "s", "5 m", "1h-5m", "1d"})
  void anythingElseIsRefused(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid duration");
  }
}
