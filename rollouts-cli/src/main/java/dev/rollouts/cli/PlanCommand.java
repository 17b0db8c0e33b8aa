package dev.rollouts.cli;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.kubernetes.mapping.ClusterState;
import dev.rollouts.kubernetes.mapping.ManifestException;
import dev.rollouts.kubernetes.mapping.MappedRollout;
import dev.rollouts.kubernetes.mapping.RolloutMapper;
import dev.rollouts.kubernetes.mapping.StateFile;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rollouts plan -f STATE.yaml [-f MORE.yaml …] [--now TIME]}: what one sync of the
 * controller would do, as JSON, without a cluster.
 *
 * <p>Each file is a {@code kubectl get -o yaml} dump: one Rollout with its status, its ReplicaSets
 * with theirs, and the Services and Ingresses its strategy names. For each file, in order, one line
 * of JSON:
 *
 * <pre>
 * {"replicaSets": {"web-7bb4fbc896": 8, "web-5d8f9c7b4d": 2},
 *  "status": {… the new Rollout status, Argo's field names …},
 *  "services": {"web-canary": {"selector": {"app": "web", "rollouts-pod-template-hash": "5d8f9c7b4d"}}},
 *  "ingresses": [… each routing object it wants, whole …],
 *  "requeueAfterSeconds": 30}
 * </pre>
 *
 * <p>A file that cannot be read prints nothing on stdout and a message naming the file and the
 * object on stderr; the command then exits 2 after the other files. An invalid Rollout is not
 * unreadable: it prints the {@code InvalidSpec} status with the counts unchanged, and exits 0.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header =
        "Show what one sync of the controller would do with a Rollout, as JSON, without a cluster.",
    description = {
      "Print, as one line of JSON per file, what one sync of the controller would do with the"
          + " Rollout in each state file: the replicas each ReplicaSet would get (with the one it"
          + " would create), the new status, the Service selectors, the Ingresses, and when it"
          + " would look again.",
      "",
      "A state file is what `kubectl get -o yaml` prints: one Rollout with its status, its"
          + " ReplicaSets with theirs, and the Services and Ingresses its strategy names (a"
          + " multi-document YAML or a `kind: List`).",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file was planned (an invalid Rollout is planned: its status says InvalidSpec)",
      "1:an internal error",
      "2:bad usage, or a file could not be read (the others are still planned)",
    })
final class PlanCommand implements Callable<Integer> {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "STATE.yaml",
      description = "A state file; repeat for more. Each prints one line, in order.")
  List<Path> files;

  @Option(
      names = "--now",
      paramLabel = "TIME",
      converter = TimeConverter.class,
      description =
          "The time the sync happens at, RFC 3339 (2026-01-01T00:00:00Z). Default: the current"
              + " time.")
  Instant now;

  @Spec CommandSpec spec;

  private final Supplier<RolloutEngine> engine;

  /** A plan command with the traffic plug-ins on the class path. */
  PlanCommand() {
    this(RolloutEngine::withInstalledPlugins);
  }

  /** A plan command deciding with this engine. */
  PlanCommand(Supplier<RolloutEngine> engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant at = now == null ? Instant.now() : now;
    RolloutEngine decider = engine.get();
    int exit = Rollouts.OK;
    for (Path file : files) {
      try {
        ClusterState state = StateFile.read(file);
        MappedRollout mapped = RolloutMapper.map(state);
        Decision decision = decider.decide(mapped.rollout(), mapped.observed(), at);
        out.println(JSON.asJson(Plan.of(state, decision)));
      } catch (NoSuchFileException e) {
        exit = fail(err, file, "no such file");
      } catch (IOException e) {
        exit = fail(err, file, "cannot be read: " + e.getMessage());
      } catch (ManifestException e) {
        exit = fail(err, file, e.getMessage());
      }
      out.flush();
    }
    return exit;
  }

  private static int fail(PrintWriter err, Path file, String message) {
    err.println(file + ": " + message);
    err.flush();
    return Rollouts.BAD_INPUT;
  }

  /** Reads {@code --now}: RFC 3339 with any offset. */
  static final class TimeConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "not an RFC 3339 time like 2026-01-01T00:00:00Z: " + value, e);
      }
    }
  }
}
