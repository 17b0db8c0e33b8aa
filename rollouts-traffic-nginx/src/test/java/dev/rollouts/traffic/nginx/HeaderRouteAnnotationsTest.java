package dev.rollouts.traffic.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.spec.CanaryStep.HeaderMatch;
import dev.rollouts.core.spec.CanaryStep.MatchKind;
import dev.rollouts.core.spec.CanaryStep.StringMatch;
import dev.rollouts.core.traffic.HeaderRoute;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header routes as {@code canary-by-header}, {@code -value} and {@code -pattern}. */
class HeaderRouteAnnotationsTest {

  private static final String P = "nginx.ingress.kubernetes.io/";

  private static HeaderRoute route(String name, HeaderMatch... matches) {
    return new HeaderRoute(name, List.of(matches));
  }

  private static HeaderMatch match(String header, MatchKind kind, String value) {
    return new HeaderMatch(header, new StringMatch(kind, value));
  }

  private static HeaderRouteAnnotations.Translation translate(HeaderRoute... routes) {
    return HeaderRouteAnnotations.translate(List.of(routes), "nginx.ingress.kubernetes.io");
  }

  @Test
  void routesAnExactValueWithCanaryByHeaderValue() {
    assertThat(translate(route("h", match("X-Canary", MatchKind.EXACT, "yes"))).annotations())
        .isEqualTo(Map.of(P + "canary-by-header", "X-Canary", P + "canary-by-header-value", "yes"));
  }

  @ParameterizedTest(name = "{0} {1} → pattern {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "REGEX  | v[0-9]+       | ^(?:v[0-9]+)$",
        "PREFIX | beta          | ^beta",
        "PREFIX | v1.2+         | ^v1\\.2\\+",
        "EXACT  | ''            | ^$",
      })
  void routesOtherMatchesWithAnAnchoredPattern(MatchKind kind, String value, String pattern) {
    assertThat(translate(route("h", match("X-Canary", kind, value))).annotations())
        .isEqualTo(
            Map.of(P + "canary-by-header", "X-Canary", P + "canary-by-header-pattern", pattern));
  }

  @ParameterizedTest(name = "{0} {1} matches {2}: {3}")
  @CsvSource(
      delimiter = ';',
      value = {
        "EXACT; a.b; a.b; true",
        "EXACT; a.b; axb; false",
        "EXACT; a.b; a.bc; false",
        "PREFIX; a(b; a(bcd; true",
        "PREFIX; a(b; xa(b; false",
        "REGEX; ab|cd; cd; true",
        "REGEX; ab|cd; abcd; false",
        "REGEX; c.*; xcanary; false",
      })
  void anchorsPatternsSoTheyMatchTheWholeValue(
      MatchKind kind, String value, String header, boolean matches) {
    String pattern = HeaderRouteAnnotations.pattern(match("X", kind, value));
    assertThat(Pattern.compile(pattern).matcher(header).find()).isEqualTo(matches);
  }

  @Test
  void joinsRoutesOnTheSameHeaderIntoOnePatternWhateverTheHeadersCase() {
    assertThat(
            translate(
                    route("beta", match("X-Canary", MatchKind.EXACT, "beta")),
                    route("staff", match("x-canary", MatchKind.PREFIX, "staff-")))
                .annotations())
        .isEqualTo(
            Map.of(
                P + "canary-by-header",
                "X-Canary",
                P + "canary-by-header-pattern",
                "^beta$|^staff\\-"));
  }

  @Test
  void reportsARouteThatMatchesTwoHeadersAtOnce() {
    HeaderRouteAnnotations.Translation translation =
        translate(
            route("both", match("X-A", MatchKind.EXACT, "1"), match("X-B", MatchKind.EXACT, "2")));

    assertThat(translation.annotations()).isEmpty();
    assertThat(translation.unsupported())
        .singleElement()
        .asString()
        .contains("'both'", "2 headers", "one header");
  }

  @Test
  void reportsRoutesOnDifferentHeaders() {
    HeaderRouteAnnotations.Translation translation =
        translate(
            route("a", match("X-A", MatchKind.EXACT, "1")),
            route("b", match("X-B", MatchKind.EXACT, "2")));

    assertThat(translation.annotations()).isEmpty();
    assertThat(translation.unsupported())
        .singleElement()
        .asString()
        .contains("'a' (X-A)", "'b' (X-B)");
  }

  @Test
  void reportsAMatchWithoutAHeaderName() {
    assertThat(translate(route("h", match("", MatchKind.EXACT, "1"))).unsupported())
        .singleElement()
        .asString()
        .contains("without headerName");
  }

  @Test
  void routesNothingForARouteWithoutMatchesOrForNoRoute() {
    assertThat(translate(route("removed")))
        .isEqualTo(new HeaderRouteAnnotations.Translation(Map.of(), List.of()));
    assertThat(translate()).isEqualTo(new HeaderRouteAnnotations.Translation(Map.of(), List.of()));
  }
}
