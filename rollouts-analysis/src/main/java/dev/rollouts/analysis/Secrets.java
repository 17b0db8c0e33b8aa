package dev.rollouts.analysis;

import dev.rollouts.analysis.status.Measurement;
import java.util.Set;

/** Replaces secret values by {@code *****}, as Argo does in measurement messages. */
public final class Secrets {

  /** What a secret value becomes. */
  public static final String MASK = "*****";

  private Secrets() {}

  /** {@code text} with every non-empty value of {@code secrets} replaced by {@value #MASK}. */
  public static String mask(String text, Set<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        masked = masked.replace(secret, MASK);
      }
    }
    return masked;
  }

  static Measurement mask(Measurement measurement, Set<String> secrets) {
    if (secrets.isEmpty() || measurement.message().isEmpty()) {
      return measurement;
    }
    return Measurement.builder()
        .from(measurement)
        .message(mask(measurement.message().get(), secrets))
        .build();
  }
}
