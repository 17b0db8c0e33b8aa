package dev.rollouts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/rollouts/shop/web/set/app/argoproj%2Frollouts-demo/yellow|api,v1,rollouts,shop,web,set,app,argoproj/rollouts-demo,yellow",
        "/a+b/%20c/|a+b, c",
        "//x//y|x,y"
      })
  void eachSegmentIsDecodedOnItsOwn(String raw, String segments) {
    assertThat(String.join(",", Http.segments(raw))).isEqualTo(segments);
  }

  @ParameterizedTest(name = "{0} is loopback: {1}")
  @CsvSource({
    "localhost:3100,true",
    "127.0.0.1:3100,true",
    "127.1.2.3,true",
    "[::1]:3100,true",
    "rebound.example:3100,false",
    "127.0.0.1.evil.example,false",
    "10.0.0.1:3100,false"
  })
  void onlyLoopbackNamesAreLoopbackHosts(String host, boolean loopback) {
    assertThat(Http.isLoopbackHost(host)).isEqualTo(loopback);
  }
}
