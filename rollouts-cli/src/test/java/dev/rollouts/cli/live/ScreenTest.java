package dev.rollouts.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.RolloutPhase;
import dev.rollouts.cli.view.ViewTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenTest {

  static final ViewTime NOW = ViewTime.at(Instant.parse("2026-01-01T00:00:00Z"));

  static RolloutInfo rollout(String phase) {
    return RolloutInfo.builder()
        .name("demo")
        .namespace("default")
        .phase(new RolloutPhase(phase, ""))
        .strategy("Canary")
        .desired(1)
        .current(1)
        .updated(1)
        .ready(1)
        .available(1)
        .build();
  }

  @Test
  void snapshotsArePrintedOnlyWhenSomethingShownChanged() {
    StringWriter out = new StringWriter();
    Screen screen = Screen.of(Screen.Mode.SNAPSHOTS, new PrintWriter(out), true, false);

    screen.show(List.of(), NOW, Duration.ZERO, List.of("created Rollout default/demo"));
    screen.show(List.of(rollout("Progressing")), NOW, Duration.ofMillis(500), List.of());
    screen.show(List.of(rollout("Progressing")), NOW, Duration.ofMillis(900), List.of());
    screen.show(List.of(rollout("Healthy")), NOW, Duration.ofMillis(1500), List.of("done"));

    assertThat(out.toString())
        .startsWith("» 0.0s  created Rollout default/demo\n\n── 0.5s ──")
        .contains("Status:          ◌ Progressing")
        .contains("» 1.5s  done\n\n── 1.5s ──")
        .contains("Status:          ✔ Healthy")
        .doesNotContain("── 0.9s");
  }

  @Test
  void jsonIsOneLinePerEventAndPerRolloutThatChanged() {
    StringWriter out = new StringWriter();
    Screen screen = Screen.of(Screen.Mode.JSON, new PrintWriter(out), true, false);

    screen.show(List.of(rollout("Progressing")), NOW, Duration.ofMillis(500), List.of("created"));
    screen.show(List.of(rollout("Progressing")), NOW, Duration.ofMillis(900), List.of());
    screen.show(List.of(rollout("Healthy")), NOW, Duration.ofMillis(1500), List.of());

    assertThat(out.toString().lines())
        .hasSize(3)
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .isEqualTo("{\"kind\":\"Event\",\"elapsed\":0.5,\"message\":\"created\"}"),
            l ->
                assertThat(l)
                    .startsWith("{\"kind\":\"Rollout\",\"elapsed\":0.5,\"name\":\"demo\"")
                    .contains("\"status\":\"Progressing\""),
            l ->
                assertThat(l)
                    .startsWith("{\"kind\":\"Rollout\",\"elapsed\":1.5,")
                    .contains("\"status\":\"Healthy\""));
  }
}
