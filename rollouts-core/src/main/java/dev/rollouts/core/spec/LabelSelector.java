package dev.rollouts.core.spec;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector: {@code matchLabels} and {@code matchExpressions}, all of which must
 * hold.
 *
 * @param matchLabels labels that must be present with exactly these values
 * @param matchExpressions further requirements
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

  /** Copies both collections; neither may be null. */
  public LabelSelector {
    matchLabels = ImmutableMap.copyOf(matchLabels);
    matchExpressions = ImmutableList.copyOf(matchExpressions);
  }

  /** A selector of {@code matchLabels} only. */
  public static LabelSelector of(Map<String, String> matchLabels) {
    return new LabelSelector(matchLabels, List.of());
  }

  /** Whether this selector selects nothing because it is empty (Argo rejects such a Rollout). */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /** Whether an object with these labels is selected. */
  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return matchExpressions.stream().allMatch(r -> r.matches(labels));
  }

  /**
   * One {@code matchExpressions} entry.
   *
   * @param key the label key
   * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}
   * @param values the values {@code In} and {@code NotIn} compare with
   */
  public record Requirement(String key, Operator operator, List<String> values) {

    /** Copies the values. */
    public Requirement {
      values = ImmutableList.copyOf(values);
    }

    boolean matches(Map<String, String> labels) {
      String actual = labels.get(key);
      return switch (operator) {
        case IN -> actual != null && values.contains(actual);
        case NOT_IN -> actual == null || !values.contains(actual);
        case EXISTS -> actual != null;
        case DOES_NOT_EXIST -> actual == null;
      };
    }
  }

  /** The operators of a {@link Requirement}, as Kubernetes spells them in {@link #wireName()}. */
  public enum Operator {
    IN("In"),
    NOT_IN("NotIn"),
    EXISTS("Exists"),
    DOES_NOT_EXIST("DoesNotExist");

    private final String wireName;

    Operator(String wireName) {
      this.wireName = wireName;
    }

    /** The name Kubernetes uses. */
    public String wireName() {
      return wireName;
    }
  }
}
