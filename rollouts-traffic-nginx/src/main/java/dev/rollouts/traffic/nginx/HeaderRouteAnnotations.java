package dev.rollouts.traffic.nginx;

import dev.rollouts.core.spec.CanaryStep.HeaderMatch;
import dev.rollouts.core.spec.CanaryStep.MatchKind;
import dev.rollouts.core.traffic.HeaderRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Header routes ({@code setHeaderRoute} steps) as Ingress NGINX canary annotations.
 *
 * <p>NGINX routes a canary Ingress by one request header: {@code canary-by-header} names it, and
 * either {@code canary-by-header-value} (the value, compared exactly) or {@code
 * canary-by-header-pattern} (a PCRE regular expression) says which values go to the canary. A
 * request whose header does not match falls through to the weight. So:
 *
 * <ul>
 *   <li>one route with one {@code exact} match of a non-empty value → {@code canary-by-header} +
 *       {@code canary-by-header-value};
 *   <li>any other set of matches on that one header → {@code canary-by-header} + {@code
 *       canary-by-header-pattern}, the alternatives joined with {@code |}, each anchored so it
 *       matches the whole value as Argo's other routers do: {@code exact: a.b} → {@code ^a\.b$},
 *       {@code prefix: v1} → {@code ^v1}, {@code regex: v[0-9]+} → {@code ^(?:v[0-9]+)$};
 *   <li>a route that matches two headers at once, or routes on different headers, cannot be
 *       expressed: it is reported, never half-applied.
 * </ul>
 *
 * <p>A route with no match routes nothing (a {@code setHeaderRoute} step without {@code match}
 * removes its route).
 */
final class HeaderRouteAnnotations {

  static final String BY_HEADER = "canary-by-header";
  static final String BY_HEADER_VALUE = "canary-by-header-value";
  static final String BY_HEADER_PATTERN = "canary-by-header-pattern";

  /** The unprefixed keys header routing uses: while a route is in force, only it sets them. */
  static final List<String> KEYS = List.of(BY_HEADER, BY_HEADER_VALUE, BY_HEADER_PATTERN);

  private static final String ONE_HEADER = "but Ingress NGINX routes a canary by one header only";

  /**
   * The annotations for {@code routes}, or why NGINX cannot express them.
   *
   * @param annotations full keys ({@code <prefix>/canary-by-header} …) to values; empty when no
   *     route is in force or when {@code unsupported} is not empty
   * @param unsupported one sentence per route NGINX cannot express
   */
  record Translation(Map<String, String> annotations, List<String> unsupported) {}

  private HeaderRouteAnnotations() {}

  /** Translates {@code routes} with the annotation {@code prefix}. */
  static Translation translate(List<HeaderRoute> routes, String prefix) {
    List<HeaderRoute> inForce = routes.stream().filter(r -> !r.matches().isEmpty()).toList();
    List<String> unsupported = unsupported(inForce);
    if (inForce.isEmpty() || !unsupported.isEmpty()) {
      return new Translation(Map.of(), unsupported);
    }
    List<HeaderMatch> matches = inForce.stream().map(r -> r.matches().get(0)).toList();
    HeaderMatch first = matches.get(0);
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(prefix + "/" + BY_HEADER, first.headerName());
    if (matches.size() == 1
        && first.headerValue().kind() == MatchKind.EXACT
        && !first.headerValue().value().isEmpty()) {
      annotations.put(prefix + "/" + BY_HEADER_VALUE, first.headerValue().value());
    } else {
      annotations.put(
          prefix + "/" + BY_HEADER_PATTERN,
          matches.stream().map(HeaderRouteAnnotations::pattern).collect(Collectors.joining("|")));
    }
    return new Translation(annotations, List.of());
  }

  /** Why the routes in force cannot be one NGINX header rule, one sentence each. */
  private static List<String> unsupported(List<HeaderRoute> inForce) {
    List<String> unsupported = new ArrayList<>();
    for (HeaderRoute route : inForce) {
      if (route.matches().stream().anyMatch(HeaderRouteAnnotations::incomplete)) {
        unsupported.add(
            String.format(
                "setHeaderRoute '%s' has a match without headerName or headerValue", route.name()));
      } else if (route.matches().size() > 1) {
        unsupported.add(
            String.format(
                "setHeaderRoute '%s' matches %d headers at once, %s",
                route.name(), route.matches().size(), ONE_HEADER));
      }
    }
    long headers =
        inForce.stream()
            .map(r -> r.matches().get(0).headerName())
            .filter(h -> h != null)
            .map(h -> h.toLowerCase(Locale.ROOT))
            .distinct()
            .count();
    if (unsupported.isEmpty() && headers > 1) {
      String names =
          inForce.stream()
              .map(r -> "'" + r.name() + "' (" + r.matches().get(0).headerName() + ")")
              .collect(Collectors.joining(", "));
      unsupported.add(
          String.format("setHeaderRoutes %s match different headers, %s", names, ONE_HEADER));
    }
    return unsupported;
  }

  private static boolean incomplete(HeaderMatch match) {
    return match == null
        || match.headerName() == null
        || match.headerName().isEmpty()
        || match.headerValue() == null
        || match.headerValue().kind() == null
        || match.headerValue().value() == null;
  }

  /** The anchored PCRE pattern for one match. */
  static String pattern(HeaderMatch match) {
    String value = match.headerValue().value();
    return switch (match.headerValue().kind()) {
      case EXACT -> "^" + quote(value) + "$";
      case PREFIX -> "^" + quote(value);
      case REGEX -> "^(?:" + value + ")$";
    };
  }

  /** {@code text} as a PCRE literal: every ASCII character but letters and digits escaped. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() * 2);
    for (char c : text.toCharArray()) {
      boolean plain = c > 127 || Character.isLetterOrDigit(c);
      if (!plain) {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.toString();
  }
}
