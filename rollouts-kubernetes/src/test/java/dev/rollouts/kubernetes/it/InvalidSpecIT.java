package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static dev.rollouts.kubernetes.it.Manifests.setWeight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.sim.Backend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A Rollout that cannot be read is marked InvalidSpec; the Rollouts beside it carry on. */
class InvalidSpecIT {

  Fixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Backend.class)
  void anInvalidRolloutGetsInvalidSpecAndAnEventWhileAValidOneBesideItCompletes(Backend backend) {
    fixture = Fixture.on(backend);
    fixture.controller("controller");
    fixture.create(
        Manifests.canary(
            NS, "broken", 2, "app:1", Map.of("steps", List.of(Map.of("setWeight", "abc")))));
    fixture.create(
        Manifests.canary(NS, "unsupported", 2, "app:1", Map.of("steps", List.of(setWeight(150)))));
    fixture.create(
        Manifests.canary(NS, "web", 3, "app:1", Map.of("steps", List.of(setWeight(50)))));

    fixture.awaitHealthyOn("web", "app:1");
    fixture.setImage("web", "app:2");
    fixture.awaitHealthyOn("web", "app:2");
    fixture.awaitStatus("broken", "is InvalidSpec", s -> "Degraded".equals(s.get("phase")));
    fixture.awaitStatus("unsupported", "is InvalidSpec", s -> "Degraded".equals(s.get("phase")));

    for (String name : List.of("broken", "unsupported")) {
      assertThat(conditions(name))
          .anySatisfy(
              c -> {
                assertThat(c).containsEntry("type", "InvalidSpec").containsEntry("status", "True");
                assertThat((String) c.get("message")).contains("setWeight");
              });
      assertThat(fixture.replicaSets(name)).as("no pods for an invalid Rollout").isEmpty();
    }
    assertThat(fixture.status("broken").get("message")).asString().startsWith("InvalidSpec: ");
    assertThat(fixture.events("broken"))
        .anySatisfy(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("InvalidSpec");
            });
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> conditions(String name) {
    return (List<Map<String, Object>>) fixture.status(name).getOrDefault("conditions", List.of());
  }
}
