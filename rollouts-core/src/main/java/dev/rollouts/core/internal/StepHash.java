package dev.rollouts.core.internal;

import static dev.rollouts.core.internal.GoJson.always;
import static dev.rollouts.core.internal.GoJson.nullable;
import static dev.rollouts.core.internal.GoJson.omitEmpty;
import static dev.rollouts.core.internal.GoJson.pointer;
import static dev.rollouts.core.internal.GoJson.struct;

import dev.rollouts.core.internal.GoJson.MapOf;
import dev.rollouts.core.internal.GoJson.Scalar;
import dev.rollouts.core.internal.GoJson.Shape;
import dev.rollouts.core.internal.GoJson.SliceOf;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.PauseDuration;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status.currentStepHash}, computed exactly as Argo Rollouts' {@code
 * conditions.ComputeStepHash} computes it, so that a Rollout moved between Argo's controller and
 * this engine keeps its step index.
 *
 * <p>The rule: take Go's {@code json.Marshal} of the {@code []CanaryStep} slice (compact, struct
 * fields in declaration order, {@code omitempty} applied, HTML characters escaped; an absent slice
 * is {@code null}, an empty one {@code []}), hash its bytes with 32-bit FNV-1a, write the unsigned
 * sum in decimal, and map each digit through Kubernetes' {@code rand.SafeEncodeString} ({@code
 * 0123456789} to {@code 456789bcdf}). The hash is 1 to 10 characters long.
 *
 * <p>Example: the steps {@code [{pause: {}}]} marshal to {@code [{"pause":{}}]}, whose FNV-1a sum
 * is 2656429681, so the hash is {@code 6b9b86fbd5}. Steps left out hash {@code null} to {@code
 * 5ffbfbbd64}.
 *
 * <p>The bodies carried verbatim ({@code analysis}, {@code experiment}, {@code setMirrorRoute}) are
 * re-encoded through the Go struct layouts of current Argo Rollouts (including {@code
 * analysisRunMetadata}, which older controllers did not hash). A key those structs do not declare
 * is dropped, as Go's decoder drops it. A pause duration keeps the type it was written with: {@code
 * 10} and {@code "10"} hash differently in Argo too.
 */
public final class StepHash {

  private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  private static final Shape STRING_MATCH =
      struct(
          omitEmpty("exact", Scalar.STRING),
          omitEmpty("prefix", Scalar.STRING),
          omitEmpty("regex", Scalar.STRING));
  private static final Shape STRING_MAP = new MapOf(Scalar.STRING);
  private static final Shape METADATA =
      struct(omitEmpty("labels", STRING_MAP), omitEmpty("annotations", STRING_MAP));
  private static final Shape ARGUMENT =
      struct(
          always("name", Scalar.STRING),
          omitEmpty("value", Scalar.STRING),
          pointer(
              "valueFrom",
              struct(
                  pointer("podTemplateHashValue", Scalar.STRING),
                  pointer("fieldRef", struct(always("fieldPath", Scalar.STRING))))));
  private static final Shape ARGUMENTS = new SliceOf(ARGUMENT);

  /** {@code RolloutAnalysis}. */
  private static final Shape ANALYSIS =
      struct(
          omitEmpty(
              "templates",
              new SliceOf(
                  struct(
                      always("templateName", Scalar.STRING),
                      omitEmpty("clusterScope", Scalar.BOOL)))),
          omitEmpty("args", ARGUMENTS),
          omitEmpty("dryRun", new SliceOf(struct(always("metricName", Scalar.STRING)))),
          omitEmpty(
              "measurementRetention",
              new SliceOf(
                  struct(always("metricName", Scalar.STRING), always("limit", Scalar.INT)))),
          omitEmpty("analysisRunMetadata", METADATA));

  /** {@code metav1.LabelSelector}. */
  private static final Shape LABEL_SELECTOR =
      struct(
          omitEmpty("matchLabels", STRING_MAP),
          omitEmpty(
              "matchExpressions",
              new SliceOf(
                  struct(
                      always("key", Scalar.STRING),
                      always("operator", Scalar.STRING),
                      omitEmpty("values", new SliceOf(Scalar.STRING))))));

  /** {@code RolloutExperimentStep}. */
  private static final Shape EXPERIMENT =
      struct(
          always(
              "templates",
              new SliceOf(
                  struct(
                      always("name", Scalar.STRING),
                      always("specRef", Scalar.STRING),
                      pointer("replicas", Scalar.INT),
                      omitEmpty("metadata", METADATA),
                      pointer("selector", LABEL_SELECTOR),
                      pointer("weight", Scalar.INT),
                      pointer("service", struct(omitEmpty("name", Scalar.STRING)))))),
          omitEmpty("duration", Scalar.STRING),
          omitEmpty(
              "analyses",
              new SliceOf(
                  struct(
                      always("name", Scalar.STRING),
                      always("templateName", Scalar.STRING),
                      omitEmpty("clusterScope", Scalar.BOOL),
                      omitEmpty("args", ARGUMENTS),
                      omitEmpty("requiredForCompletion", Scalar.BOOL)))));

  /** {@code SetMirrorRoute}. */
  private static final Shape MIRROR_ROUTE =
      struct(
          always("name", Scalar.STRING),
          omitEmpty(
              "match",
              new SliceOf(
                  struct(
                      pointer("method", STRING_MATCH),
                      pointer("path", STRING_MATCH),
                      omitEmpty("headers", new MapOf(STRING_MATCH))))),
          pointer("percentage", Scalar.INT));

  /** {@code CanaryStep}, without the alpha {@code plugin} step, which the engine does not model. */
  private static final Shape STEPS =
      new SliceOf(
          struct(
              pointer("setWeight", Scalar.INT),
              pointer("pause", struct(pointer("duration", Scalar.INT_OR_STRING))),
              pointer("experiment", EXPERIMENT),
              pointer("analysis", ANALYSIS),
              pointer(
                  "setCanaryScale",
                  struct(
                      pointer("weight", Scalar.INT),
                      pointer("replicas", Scalar.INT),
                      omitEmpty("matchTrafficWeight", Scalar.BOOL))),
              pointer(
                  "setHeaderRoute",
                  struct(
                      omitEmpty("name", Scalar.STRING),
                      omitEmpty(
                          "match",
                          new SliceOf(
                              struct(
                                  always("headerName", Scalar.STRING),
                                  nullable("headerValue", STRING_MATCH)))))),
              pointer("setMirrorRoute", MIRROR_ROUTE)));

  private StepHash() {}

  /**
   * Argo's {@code currentStepHash} of these canary steps. Argo leaves the field empty for a
   * blue-green Rollout; a canary always has one.
   *
   * @param canary the canary strategy; only its {@code steps} count
   * @return 1 to 10 characters of {@code bcdfghjklmnpqrstvwxz2456789}
   */
  public static String of(CanaryStrategy canary) {
    return of(canary.steps());
  }

  /**
   * Argo's {@code currentStepHash} of {@code spec.strategy.canary.steps}.
   *
   * <p>Example: absent steps give {@code 5ffbfbbd64}, {@code steps: []} gives {@code 5f8cb5778f}.
   *
   * @param steps the steps as written; absent when the Rollout has no {@code steps} field
   * @return 1 to 10 characters of {@code bcdfghjklmnpqrstvwxz2456789}
   */
  public static String of(Optional<List<CanaryStep>> steps) {
    long sum = fnv32a(goJson(steps).getBytes(StandardCharsets.UTF_8));
    return safeEncode(Long.toString(sum));
  }

  /** The bytes Argo hashes: Go's {@code json.Marshal} of the steps, as a string. */
  static String goJson(Optional<List<CanaryStep>> steps) {
    return steps
        .map(list -> GoJson.marshal(list.stream().map(StepHash::tree).toList(), STEPS))
        .orElse("null");
  }

  /** 32-bit FNV-1a of {@code bytes}, as the unsigned value Go's {@code Sum32} returns. */
  static long fnv32a(byte[] bytes) {
    int hash = 0x811C9DC5;
    for (byte b : bytes) {
      hash = (hash ^ (b & 0xff)) * 0x01000193;
    }
    return Integer.toUnsignedLong(hash);
  }

  /**
   * Kubernetes' {@code rand.SafeEncodeString}: each character {@code c} becomes {@code
   * bcdfghjklmnpqrstvwxz2456789[c % 27]}, so no vowels and no bad words.
   */
  static String safeEncode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.append(ALPHANUMS.charAt(c % ALPHANUMS.length())));
    return out.toString();
  }

  /** The step as the JSON tree Go would decode into a {@code CanaryStep}. */
  private static Map<String, Object> tree(CanaryStep step) {
    if (step instanceof CanaryStep.Combined combined) {
      Map<String, Object> fields = new LinkedHashMap<>();
      combined.parts().forEach(part -> fields.putAll(tree(part)));
      return fields;
    }
    if (step instanceof CanaryStep.SetWeight s) {
      return Map.of("setWeight", s.weight());
    } else if (step instanceof CanaryStep.Pause p) {
      return Map.of(
          "pause", p.duration().map(d -> Map.of("duration", duration(d))).orElse(Map.of()));
    } else if (step instanceof CanaryStep.SetCanaryScale s) {
      Map<String, Object> scale = new LinkedHashMap<>();
      s.weight().ifPresent(w -> scale.put("weight", w));
      s.replicas().ifPresent(r -> scale.put("replicas", r));
      scale.put("matchTrafficWeight", s.matchTrafficWeight());
      return Map.of("setCanaryScale", scale);
    } else if (step instanceof CanaryStep.SetHeaderRoute h) {
      List<Map<String, Object>> match = h.match().stream().map(StepHash::headerMatch).toList();
      Map<String, Object> route = new LinkedHashMap<>();
      route.put("name", h.name() == null ? "" : h.name());
      route.put("match", match);
      return Map.of("setHeaderRoute", route);
    } else if (step instanceof CanaryStep.Analysis a) {
      return Map.of("analysis", a.body());
    } else if (step instanceof CanaryStep.Experiment e) {
      return Map.of("experiment", e.body());
    } else {
      return Map.of("setMirrorRoute", ((CanaryStep.SetMirrorRoute) step).body());
    }
  }

  /** An IntOrString as written: an unquoted integer stays a number; anything else a string. */
  private static Object duration(PauseDuration duration) {
    if (!duration.quoted()) {
      try {
        return Long.parseLong(duration.text());
      } catch (NumberFormatException notAnInteger) {
        // Go could only have read it as a string.
      }
    }
    return duration.text();
  }

  private static Map<String, Object> headerMatch(CanaryStep.HeaderMatch match) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("headerName", match.headerName() == null ? "" : match.headerName());
    CanaryStep.StringMatch value = match.headerValue();
    if (value != null && value.kind() != null && value.value() != null) {
      tree.put("headerValue", Map.of(value.kind().name().toLowerCase(Locale.ROOT), value.value()));
    } else if (value != null) {
      tree.put("headerValue", Map.of());
    }
    return tree;
  }
}
