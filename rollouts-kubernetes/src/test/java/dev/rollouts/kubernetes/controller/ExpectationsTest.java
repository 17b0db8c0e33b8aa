package dev.rollouts.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.apply.ObjectWrite;
import dev.rollouts.kubernetes.apply.ObjectWrite.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectationsTest {

  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  final Expectations expectations = new Expectations(Duration.ofSeconds(30));

  static ObjectWrite write(Operation op, String before, String after) {
    return new ObjectWrite(
        "ReplicaSet", "shop", "web-1", op, Optional.ofNullable(before), Optional.ofNullable(after));
  }

  static Expectations.CacheView cacheHolding(String resourceVersion) {
    return (kind, key) -> Optional.ofNullable(resourceVersion);
  }

  @ParameterizedTest(name = "{0} based on {1}: cache holding {2} has caught up: {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "CREATE, -,  -,  false",
        "CREATE, -,  7,  true",
        "UPDATE, 5,  5,  false",
        "UPDATE, 5,  7,  true",
        "UPDATE, 5,  9,  true",
        "UPDATE, 5,  -,  true",
        "DELETE, 5,  5,  false",
        "DELETE, 5,  -,  true",
      })
  void aSyncWaitsUntilTheCacheShowsItsOwnWrites(
      Operation op, String before, String cached, boolean caughtUp) {
    expectations.expect(
        "shop/web", List.of(write(op, before, op == Operation.DELETE ? null : "7")), NOW);

    assertThat(expectations.satisfied("shop/web", cacheHolding(cached), NOW)).isEqualTo(caughtUp);
  }

  @Test
  void expectationsExpireSoThatALostEventCannotStallARollout() {
    expectations.expect("shop/web", List.of(write(Operation.CREATE, null, "7")), NOW);

    assertThat(expectations.satisfied("shop/web", cacheHolding(null), NOW.plusSeconds(29)))
        .isFalse();
    assertThat(expectations.satisfied("shop/web", cacheHolding(null), NOW.plusSeconds(31)))
        .isTrue();
  }

  @Test
  void aRolloutWithoutWritesOrForgottenWaitsForNothing() {
    assertThat(expectations.satisfied("shop/web", cacheHolding(null), NOW)).isTrue();

    expectations.expect("shop/web", List.of(write(Operation.CREATE, null, "7")), NOW);
    expectations.forget("shop/web");

    assertThat(expectations.satisfied("shop/web", cacheHolding(null), NOW)).isTrue();
  }

  @Test
  void anUpdateAnsweredWithTheVersionItWasBasedOnIsNotAwaited() {
    expectations.expect("shop/web", List.of(write(Operation.UPDATE, "5", "5")), NOW);

    assertThat(expectations.satisfied("shop/web", cacheHolding("5"), NOW)).isTrue();
  }
}
