package dev.rollouts.kubernetes.controller;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks of an embedding's settings, one place for each rule, with messages naming the setting:
 * {@code "<Owner> setting <name> is <value>; it must be <what>"}. {@link RolloutController}'s
 * builder and {@code rollouts-operator-sdk}'s use them.
 */
public final class SettingChecks {

  /** A namespace name: an RFC 1123 label. */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** A label value: what {@code controller-instance-id} may hold. */
  private static final Pattern LABEL_VALUE =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  private final String owner;

  private SettingChecks(String owner) {
    this.owner = owner;
  }

  /** Checks for the settings of {@code owner} ({@code "RolloutController"}, say). */
  public static SettingChecks of(String owner) {
    return new SettingChecks(owner);
  }

  /** A namespace name, if present. */
  public void namespace(String setting, Optional<String> namespace) {
    namespace.ifPresent(
        n -> {
          if (n.length() > 63 || !DNS_LABEL.matcher(n).matches()) {
            throw invalid(
                setting,
                "'" + n + "'",
                "a namespace name (lower-case letters, digits and '-', at most 63 characters)");
          }
        });
  }

  /** An instance id, if present: a label value, as it is matched against Argo's label. */
  public void instanceId(String setting, Optional<String> instanceId) {
    instanceId.ifPresent(
        id -> {
          if (id.length() > 63 || !LABEL_VALUE.matcher(id).matches()) {
            throw invalid(
                setting,
                "'" + id + "'",
                "a label value (letters, digits, '-', '_' and '.', starting and ending with a"
                    + " letter or digit, at most 63 characters), as it is matched against the "
                    + RolloutReferences.INSTANCE_ID_LABEL
                    + " label");
          }
        });
  }

  /** A positive duration. */
  public void positive(String setting, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw invalid(setting, value, "positive");
    }
  }

  /** A duration that is zero or positive; {@code zeroMeans} says what zero does. */
  public void notNegative(String setting, Duration value, String zeroMeans) {
    if (value.isNegative()) {
      throw invalid(setting, value, "zero (" + zeroMeans + ") or positive");
    }
  }

  /** A clock's rate: positive and finite. */
  public void clockRate(String setting, double rate) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw invalid(setting, rate, "positive and finite");
    }
  }

  /** The exception for {@code setting} being {@code value} when it must be {@code mustBe}. */
  public IllegalArgumentException invalid(String setting, Object value, String mustBe) {
    return new IllegalArgumentException(
        owner + " setting " + setting + " is " + value + "; it must be " + mustBe);
  }
}
