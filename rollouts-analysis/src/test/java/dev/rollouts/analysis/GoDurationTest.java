package dev.rollouts.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code time.ParseDuration}, as Argo's {@code DurationString.Duration()} uses it. */
class GoDurationTest {

  @ParameterizedTest(name = "{0} is {1} ms")
  @CsvSource({
    "30s, 30000",
    "5m, 300000",
    "1h30m, 5400000",
    "500ms, 500",
    "1.5s, 1500",
    ".5s, 500",
    "0, 0",
    "-1m, -60000",
    "1h2m3s4ms, 3723004",
    "2us, 0",
  })
  void parses(String text, long millis) {
    assertThat(GoDuration.parse(text).toMillis()).isEqualTo(millis);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1d|time: unknown unit \"d\" in duration \"1d\"",
        "5|time: missing unit in duration \"5\"",
        "abc|time: invalid duration \"abc\"",
        "''|time: invalid duration \"\"",
      })
  void rejectsWithGosMessages(String text, String message) {
    assertThatThrownBy(() -> GoDuration.parse(text)).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({"1ns, 1", "3µs, 3000"})
  void keepsNanoseconds(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }
}
