package dev.rollouts.kubernetes.mapping;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 500m}, {@code 0.5}, {@code 1Gi}, {@code 1e3}) reduced to
 * the exact decimal number they stand for, so that two spellings of one amount compare equal.
 *
 * <p>The API server rewrites quantities into its canonical spelling ({@code 0.5} becomes {@code
 * 500m}); a Rollout keeps them as written. Comparing values, not spellings, makes a Rollout's
 * template and its ReplicaSet's template agree.
 */
final class Quantities {

  private static final Pattern QUANTITY =
      Pattern.compile(
          "([+-]?(?:\\d+\\.?\\d*|\\.\\d+))(?:([eE][+-]?\\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?");

  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantities() {}

  /**
   * The amount {@code quantity} stands for, as a plain decimal string ({@code "0.5"}, {@code
   * "1073741824"}); empty if it is not a quantity, in which case the caller keeps it as written.
   */
  static Optional<String> canonical(Object quantity) {
    if (!(quantity instanceof String) && !(quantity instanceof Number)) {
      return Optional.empty();
    }
    Matcher m = QUANTITY.matcher(quantity.toString().trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal amount = new BigDecimal(m.group(1));
    if (m.group(2) != null) {
      amount = amount.scaleByPowerOfTen(Integer.parseInt(m.group(2).substring(1)));
    } else if (m.group(3) != null) {
      amount = amount.multiply(SUFFIXES.get(m.group(3)));
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    return Optional.of(stripped.signum() == 0 ? "0" : stripped.toPlainString());
  }
}
