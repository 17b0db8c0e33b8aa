package dev.rollouts.cli;

import static dev.rollouts.cli.Cli.example;
import static dev.rollouts.cli.Cli.file;
import static dev.rollouts.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.traffic.TrafficPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line of {@code rollouts plan}: usage, unreadable input, exit codes. */
class PlanCommandTest {

  @TempDir Path dir;

  /** Decides nothing: the status as observed, no changes. */
  private static final RolloutEngine STILL = new Recording(new AtomicReference<>());

  @Test
  void everyVerbAnswersHelp() {
    Cli.Result top = run("--help");
    Cli.Result plan = run("plan", "--help");
    Cli.Result help = run("help", "plan");

    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("Usage: rollouts [-hV] COMMAND").contains("plan");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out())
        .contains("Usage: rollouts plan")
        .contains("--now=TIME")
        .contains("-f, --filename=STATE.yaml");
    assertThat(help.out()).isEqualTo(plan.out());
  }

  @Test
  void printsItsVersion() {
    assertThat(run("--version").out()).startsWith("rollouts ");
  }

  @ParameterizedTest(name = "rollouts {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                   | Missing required subcommand",
        "plan                                 | Missing required option: '--filename=STATE.yaml'",
        "plan -f                              | Missing required parameter for option '--filename'",
        "plan -f x.yaml --now tomorrow        | Invalid value for option '--now'",
        "plan -f x.yaml --frobnicate          | Unknown option: '--frobnicate'",
        "deploy                               | Unmatched argument at index 0: 'deploy'",
      })
  void badUsageExitsTwoWithAMessageOnStderr(String args, String message) {
    Cli.Result result = run(() -> STILL, args.isBlank() ? new String[0] : args.split(" "));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(message);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aMissingFileExitsTwoNamingTheFile() {
    Path missing = dir.resolve("missing.yaml");

    Cli.Result result = run(() -> STILL, "plan", "-f", missing.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo(missing + ": no such file\n");
    assertThat(result.out()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "not yaml | `kind: Rollout\n  - : [\n` | : not YAML: line ",
        "no rollout | `apiVersion: v1\nkind: Service\nmetadata: {name: web}\n`"
            + " | : no Rollout (argoproj.io/v1alpha1); a state file holds exactly one",
        "two rollouts | `apiVersion: argoproj.io/v1alpha1\n"
            + "kind: Rollout\n"
            + "metadata: {name: a}\n"
            + "---\n"
            + "apiVersion: argoproj.io/v1alpha1\n"
            + "kind: Rollout\n"
            + "metadata: {name: b}\n"
            + "` | : 2 Rollouts (default/a, default/b); a state file holds exactly one",
        "a field of the wrong type | `apiVersion: argoproj.io/v1alpha1\n"
            + "kind: Rollout\n"
            + "metadata: {name: web, namespace: shop}\n"
            + "spec: {strategy: {canary: {steps: [{setWeight: abc}]}}}\n"
            + "` | : Rollout shop/web: spec.strategy.canary.steps[0].setWeight: must be an integer,"
            + " was \"abc\"",
        "a replica set of the wrong type | `apiVersion: argoproj.io/v1alpha1\n"
            + "kind: Rollout\n"
            + "metadata: {name: web}\n"
            + "---\n"
            + "apiVersion: apps/v1\n"
            + "kind: ReplicaSet\n"
            + "metadata: {name: web-1}\n"
            + "status: {availableReplicas: many}\n"
            + "` | : ReplicaSet default/web-1: status.availableReplicas: must be an integer, was"
            + " \"many\"",
      })
  void anUnreadableFileExitsTwoNamingTheFileAndTheObject(String what, String yaml, String message)
      throws Exception {
    Path state = file(dir, "state.yaml", yaml);

    Cli.Result result = run(() -> STILL, "plan", "-f", state.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith(state + message);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnreadableFilePrintsNothingButTheOthersArePlannedInOrder() throws Exception {
    Path bad = file(dir, "bad.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n");

    Cli.Result result =
        run(
            () -> STILL,
            "plan",
            "-f",
            example("canary-state.yaml").toString(),
            "-f",
            bad.toString(),
            "-f",
            example("bluegreen-state.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith(bad + ": no Rollout");
    assertThat(result.plans()).hasSize(2);
    assertThat(result.plans().get(0).get("replicaSets").toString()).contains("web-687d76d795");
    assertThat(result.plans().get(1).get("replicaSets").toString()).contains("api-7f8c9d6b54");
  }

  @Test
  void decidesAtTheTimeGiven() {
    AtomicReference<Instant> seen = new AtomicReference<>();

    Cli.Result result =
        run(
            () -> new Recording(seen),
            "plan",
            "-f",
            example("canary-state.yaml").toString(),
            "--now",
            "2026-01-01T01:00:00+01:00");

    assertThat(result.exitCode()).isZero();
    assertThat(seen.get()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void decidesAtTheCurrentTimeByDefault() {
    AtomicReference<Instant> seen = new AtomicReference<>();
    Instant before = Instant.now();

    run(() -> new Recording(seen), "plan", "-f", example("canary-state.yaml").toString());

    assertThat(seen.get()).isBetween(before, Instant.now());
  }

  @Test
  void anEngineFailureIsAnInternalErrorWithItsStackTrace() {
    RolloutEngine broken =
        new RolloutEngine() {
          @Override
          public Decision decide(Rollout rollout, Observed observed, Instant now) {
            throw new IllegalStateException("boom");
          }

          @Override
          public List<TrafficPlugin> plugins() {
            return List.of();
          }
        };

    Cli.Result result = run(() -> broken, "plan", "-f", example("canary-state.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith(
            "rollouts plan: internal error, please report it: java.lang.IllegalStateException:"
                + " boom");
  }

  @Test
  void everyExampleIsReadable() throws Exception {
    try (var examples = Files.list(Path.of("..", "examples"))) {
      List<String> files =
          examples
              .filter(p -> p.toString().endsWith(".yaml"))
              .map(Path::toString)
              .sorted()
              .toList();
      List<String> args = new ArrayList<>(List.of("plan"));
      files.forEach(f -> args.addAll(List.of("-f", f)));

      Cli.Result result = run(() -> STILL, args.toArray(String[]::new));

      assertThat(result.err()).isEmpty();
      assertThat(result.plans()).hasSize(files.size());
    }
  }

  /** An engine that records the time it was asked at and changes nothing. */
  private record Recording(AtomicReference<Instant> seen) implements RolloutEngine {

    @Override
    public Decision decide(Rollout rollout, Observed observed, Instant now) {
      seen.set(now);
      return Decision.builder()
          .status(RolloutStatus.builder().from(rollout.status()).build())
          .build();
    }

    @Override
    public List<TrafficPlugin> plugins() {
      return List.of();
    }
  }
}
