package dev.rollouts.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgesTest {

  @ParameterizedTest(name = "{0} s is {1}")
  @CsvSource({
    "-5, <invalid>",
    "-1, 0s",
    "0, 0s",
    "59, 59s",
    "119, 119s",
    "120, 2m",
    "185, 3m5s",
    "599, 9m59s",
    "600, 10m",
    "10799, 179m",
    "10800, 3h",
    "16200, 4h30m",
    "28800, 8h",
    "172799, 47h",
    "172800, 2d",
    "273600, 3d4h",
    "691200, 8d",
    "63072000, 2y",
    "66960000, 2y45d",
    "252460800, 8y"
  })
  void agesReadAsKubectlPrintsThem(long seconds, String age) {
    assertThat(Ages.human(Duration.ofSeconds(seconds))).isEqualTo(age);
  }
}
