package dev.rollouts.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollouts.cli.CliCluster;
import dev.rollouts.core.RolloutEngine;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.ClusterState;
import dev.rollouts.kubernetes.mapping.MappedRollout;
import dev.rollouts.kubernetes.mapping.RolloutMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollouts simulate} end to end: the in-process server, simulated pods, the controller, the
 * live view.
 */
class SimulateIT {

  static final Path EXAMPLES = Path.of("..", "examples");

  /** The last snapshot of a run: the text after the last caption line. */
  static String lastSnapshot(String out) {
    return out.substring(out.lastIndexOf("── "));
  }

  @Test
  void theDefaultDemoUpdatesTheCanaryPromotesItAtItsPauseAndEndsHealthyOnTheNewImage() {
    CliCluster.Result result = CliCluster.runBare("simulate", "--timeout", "2m", "--speed", "10");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains(
            "» 0.0s  created Service default/demo-stable, Service default/demo-canary, Ingress"
                + " default/demo, Rollout default/demo")
        .contains(
            "rollout 'default/demo' is Healthy; stable: revision 1 (argoproj/rollouts-demo:blue)")
        .contains("set image of rollout 'default/demo': demo=argoproj/rollouts-demo:yellow")
        .contains(
            "Status:          ॥ Paused\n"
                + "Message:         CanaryPauseStep\n"
                + "Strategy:        Canary\n"
                + "  Step:          3/6\n"
                + "  SetWeight:     50\n"
                + "  ActualWeight:  50")
        .contains("promoted rollout 'default/demo', paused at step 3/6 (CanaryPauseStep)")
        .contains(
            "rollout 'default/demo' is Healthy; stable: revision 2 (argoproj/rollouts-demo:yellow)")
        .contains("done: the new revision is stable");
    assertThat(lastSnapshot(result.out()))
        .contains(
            "Status:          ✔ Healthy\n"
                + "Strategy:        Canary\n"
                + "  Step:          6/6\n"
                + "  SetWeight:     100\n"
                + "  ActualWeight:  100")
        .contains("argoproj/rollouts-demo:yellow (stable)")
        .containsPattern(
            "├──# revision:2\n"
                + "│  └──⧉ demo-\\w+ +ReplicaSet  ✔ Healthy .* stable\n"
                + "(│     [├└]──□ demo-\\w+-\\w{5} +Pod +✔ Running .* ready:1/1\n"
                + "){5}");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void jsonOutputIsOneObjectPerChangeEndingHealthy() throws IOException {
    CliCluster.Result result =
        CliCluster.runBare("simulate", "--timeout", "2m", "--speed", "20", "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : result.out().split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    List<JsonNode> rollouts =
        lines.stream().filter(l -> l.get("kind").asText().equals("Rollout")).toList();
    assertThat(rollouts).hasSizeGreaterThan(5);
    assertThat(rollouts.stream().map(r -> r.get("status").asText()))
        .contains("Progressing", "Paused", "Healthy");
    JsonNode last = rollouts.get(rollouts.size() - 1);
    assertThat(last.get("status").asText()).isEqualTo("Healthy");
    assertThat(last.get("images").toString())
        .contains("{\"image\":\"argoproj/rollouts-demo:yellow\",\"tags\":[\"stable\"]}");
    assertThat(
            lines.stream()
                .filter(l -> l.get("kind").asText().equals("Event"))
                .map(l -> l.get("message").asText()))
        .contains("done: the new revision is stable");
  }

  @Test
  void abortAtAStepSendsTheDemoBackToItsStableRevisionAndExitsOne() {
    CliCluster.Result result =
        CliCluster.runBare("simulate", "--timeout", "2m", "--speed", "20", "--abort-at-step", "2");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("aborted rollout 'default/demo' at step 2/6");
    assertThat(result.err())
        .startsWith("error: rollout 'default/demo' is Degraded: RolloutAborted: ");
    assertThat(lastSnapshot(result.out()))
        .contains("Status:          ✖ Degraded")
        .contains("  SetWeight:     0\n  ActualWeight:  0");
  }

  @Test
  void anImageThatNeverBecomesReadyEndsDegradedAtTheProgressDeadline() {
    CliCluster.Result result =
        CliCluster.runBare(
            "simulate",
            "--timeout",
            "2m",
            "--speed",
            "20",
            "--fail-image",
            "argoproj/rollouts-demo:yellow");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("error: rollout 'default/demo' is Degraded: ProgressDeadlineExceeded: ");
    assertThat(result.out()).contains("✖ CrashLoopBackOff").contains("ready:0/1,restarts:1");
  }

  @Test
  void theCanaryExampleRunsAsItIs() {
    CliCluster.Result result =
        CliCluster.runBare(
            "simulate",
            "--timeout",
            "2m",
            EXAMPLES.resolve("canary.yaml").toString(),
            "--set-image",
            "app=nginx:1.27",
            "--speed",
            "20");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("  Step:          1/5\n  SetWeight:     33")
        .contains("  Step:          3/5\n  SetWeight:     66")
        .contains("rollout 'default/canary-demo' is Healthy; stable: revision 2 (nginx:1.27)");
  }

  @Test
  void theBlueGreenExampleRunsAsItIsAndIsPromotedAtItsPause() {
    assumeTrue(
        blueGreenIsInTheCore(), "the blue-green strategy has not landed in rollouts-core yet");

    CliCluster.Result result =
        CliCluster.runBare(
            "simulate",
            "--timeout",
            "2m",
            EXAMPLES.resolve("bluegreen.yaml").toString(),
            "--set-image",
            "app=nginx:1.27",
            "--promote-at-pause",
            "--speed",
            "20");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("(BlueGreenPause)")
        .contains("nginx:1.27 (preview)")
        .contains("rollout 'default/bluegreen-demo' is Healthy; stable: revision 2 (nginx:1.27)");
  }

  @Test
  void withoutPromoteAtPauseABlueGreenThatWaitsForAPromoteEndsSayingSo() {
    assumeTrue(
        blueGreenIsInTheCore(), "the blue-green strategy has not landed in rollouts-core yet");

    CliCluster.Result result =
        CliCluster.runBare(
            "simulate",
            "--timeout",
            "2m",
            EXAMPLES.resolve("bluegreen.yaml").toString(),
            "--set-image",
            "app=nginx:1.27",
            "--speed",
            "20");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "rollout 'default/bluegreen-demo' is paused (BlueGreenPause) and waits for a promote;"
                + " give --promote-at-pause");
  }

  @Test
  void withKeepRunningAnotherCommandPromotesTheDemoThroughThePrintedKubeconfig() throws Exception {
    CliCluster.Running simulation =
        CliCluster.startBare("simulate", "--keep-running", "--speed", "20");
    simulation.awaitOutput("waits for a promote");
    Matcher kubeconfig = Pattern.compile("--kubeconfig (\\S+)").matcher(simulation.out());
    assertThat(kubeconfig.find()).isTrue();

    CliCluster.Result promote =
        CliCluster.runBare("promote", "demo", "-n", "default", "--kubeconfig", kubeconfig.group(1));
    simulation.awaitOutput("still running (--keep-running)");
    simulation.interrupt();
    CliCluster.Result result = simulation.join();

    assertThat(promote.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "rollout 'default/demo' is paused at step 3/6 (CanaryPauseStep) and waits for a"
                + " promote: rollouts promote demo -n default")
        .contains(
            "rollout 'default/demo' is Healthy; stable: revision 2 (argoproj/rollouts-demo:yellow)")
        .contains(
            "done: the new revision is stable; still running (--keep-running), Ctrl-C to stop")
        .doesNotContain("promoted rollout");
    assertThat(result.exitCode()).isEqualTo(130);
  }

  @Test
  void aFileWithoutRolloutsIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("service.yaml");
    Files.writeString(file, "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n");

    CliCluster.Result result = CliCluster.runBare("simulate", "--timeout", "2m", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: no Rollout in " + file + "\n");
  }

  @Test
  void aSpeedThatIsNotPositiveIsBadUsage() {
    CliCluster.Result result = CliCluster.runBare("simulate", "--timeout", "2m", "--speed", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: --speed must be a positive number");
  }

  /**
   * Whether the engine decides a blue-green Rollout (until it lands, the core has a placeholder
   * that throws).
   */
  static boolean blueGreenIsInTheCore() {
    KubernetesSerialization yaml = new KubernetesSerialization();
    ClusterState.Builder state = ClusterState.builder();
    try {
      for (String document :
          Files.readString(EXAMPLES.resolve("bluegreen.yaml")).split("\n---\n")) {
        HasMetadata object = yaml.unmarshal(document);
        object.getMetadata().setNamespace("default");
        if (object instanceof Service service) {
          state.addServices(service);
        } else {
          state.rollout(yaml.convertValue(object, RolloutResource.class));
        }
      }
      MappedRollout mapped = RolloutMapper.map(state.build());
      RolloutEngine.withInstalledPlugins()
          .decide(mapped.rollout(), mapped.observed(), Instant.now());
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
