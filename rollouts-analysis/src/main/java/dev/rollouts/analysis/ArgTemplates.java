package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.Metric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code {{args.name}}} substitution into every string of a metric, as Argo's {@code
 * ResolveMetricArgs} does it on the metric's JSON ({@code utils/analysis/factory.go}, {@code
 * utils/template/template.go}): the query, url, headers, Job spec, and {@code count}, {@code
 * interval} or the limits written as strings. Whitespace inside the braces is ignored ({@code {{
 * args.x }}}).
 *
 * <p>Errors are Argo's: any argument without a value is {@code argument "x" was not supplied} (even
 * when no metric uses it), an unknown tag is {@code failed to resolve {{args.y}}}.
 */
final class ArgTemplates {

  /** The value Argo substitutes for a secret argument while planning ({@code temp-for-secret}). */
  static final String SECRET_PLACEHOLDER = "temp-for-secret";

  private ArgTemplates() {}

  /** Every argument's value, with {@link #SECRET_PLACEHOLDER} for those read from a Secret. */
  static List<Argument> withoutSecrets(List<Argument> args) {
    return args.stream()
        .map(a -> a.secretKeyRef().isPresent() ? Argument.of(a.name(), SECRET_PLACEHOLDER) : a)
        .toList();
  }

  /**
   * {@code metric} with {@code args} substituted.
   *
   * @throws IllegalArgumentException with Argo's message when an argument has no value or a tag
   *     names no argument
   */
  static Metric resolve(Metric metric, List<Argument> args) {
    Map<String, String> values = new HashMap<>();
    for (Argument arg : args) {
      if (arg.value().isEmpty()) {
        throw new IllegalArgumentException("argument \"" + arg.name() + "\" was not supplied");
      }
      values.put("args." + arg.name(), arg.value().get());
    }
    Object resolved = substitute(TreeWriter.metric(metric), values);
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) resolved;
    return SpecReader.metric(tree, "metric");
  }

  private static Object substitute(Object value, Map<String, String> args) {
    if (value instanceof String s) {
      return substitute(s, args);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(substitute((String) k, args), substitute(v, args)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(substitute(v, args)));
      return copy;
    }
    return value;
  }

  /** fasttemplate with {@code {{ }}}: each tag replaced by its trimmed name's value. */
  static String substitute(String text, Map<String, String> args) {
    int open = text.indexOf("{{");
    if (open < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (open >= 0) {
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        break;
      }
      out.append(text, from, open);
      String tag = text.substring(open + 2, close);
      String value = args.get(tag.strip());
      if (value == null) {
        throw new IllegalArgumentException("failed to resolve {{" + tag + "}}");
      }
      out.append(value);
      from = close + 2;
      open = text.indexOf("{{", from);
    }
    out.append(text, from, text.length());
    return out.toString();
  }
}
