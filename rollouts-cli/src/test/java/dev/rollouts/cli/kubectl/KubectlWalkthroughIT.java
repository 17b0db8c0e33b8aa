package dev.rollouts.cli.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.kubernetes.controller.RolloutController;
import dev.rollouts.kubernetes.sim.SimulatedKubernetes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo's getting-started canary, as its tutorial types it, with the real {@code kubectl} against
 * the simulated cluster and the controller: create the namespace, apply the Rollout and its
 * Service, wait for Healthy, change the image with {@code apply} and with {@code edit}, promote,
 * abort, and see the Service's endpoints follow the pods. Skipped, saying why, without kubectl.
 */
class KubectlWalkthroughIT {

  private static final String ROLLOUT =
      String.join(
          "\n",
          "apiVersion: argoproj.io/v1alpha1",
          "kind: Rollout",
          "metadata:",
          "  name: rollouts-demo",
          "spec:",
          "  replicas: 3",
          "  strategy:",
          "    canary:",
          "      steps:",
          "      - setWeight: 34",
          "      - pause: {}",
          "      - setWeight: 67",
          "      - pause: {duration: 1}",
          "  revisionHistoryLimit: 2",
          "  selector:",
          "    matchLabels:",
          "      app: rollouts-demo",
          "  template:",
          "    metadata:",
          "      labels:",
          "        app: rollouts-demo",
          "    spec:",
          "      containers:",
          "      - name: rollouts-demo",
          "        image: argoproj/rollouts-demo:%s",
          "        ports:",
          "        - name: http",
          "          containerPort: 8080",
          "          protocol: TCP",
          "");

  private static final String SERVICE =
      String.join(
          "\n",
          "apiVersion: v1",
          "kind: Service",
          "metadata:",
          "  name: rollouts-demo",
          "spec:",
          "  ports:",
          "  - port: 80",
          "    targetPort: http",
          "    protocol: TCP",
          "    name: http",
          "  selector:",
          "    app: rollouts-demo",
          "");

  @TempDir Path dir;
  private SimulatedKubernetes cluster;
  private RolloutController controller;
  private Path kubeconfig;

  @BeforeEach
  void start() {
    Assumptions.assumeTrue(
        kubectlOnPath(), "kubectl is not on the PATH: the kubectl walkthrough is skipped");
    cluster = SimulatedKubernetes.builder().podStartDelay(Duration.ofMillis(50)).start();
    kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"), "shop");
    controller =
        RolloutController.builder(cluster.newClient("controller"))
            .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(500))
            .build();
    controller.start();
  }

  @AfterEach
  void stop() {
    if (controller != null) {
      controller.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theCanaryTutorialRunsAsWritten() throws Exception {
    assertThat(kubectl("create", "namespace", "shop")).isEqualTo("namespace/shop created\n");
    Path rollout = write("rollout.yaml", ROLLOUT.formatted("blue"));
    Path service = write("service.yaml", SERVICE);
    assertThat(kubectl("apply", "-f", rollout.toString(), "-f", service.toString()))
        .isEqualTo("rollout.argoproj.io/rollouts-demo created\nservice/rollouts-demo created\n");
    awaitKubectl(
        out -> out.equals("Healthy"),
        "get",
        "rollout",
        "rollouts-demo",
        "-o",
        "jsonpath={.status.phase}");
    String endpoints =
        awaitKubectl(
            out -> out.split(",").length == 3,
            "get",
            "ep",
            "rollouts-demo",
            "-o",
            "jsonpath={range .subsets[*].addresses[*]}{.ip}{\",\"}{end}");
    assertThat(endpoints).matches("(10\\.244\\.\\d+\\.\\d+,){3}");

    String table = kubectl("get", "ro,rs,svc,ep", "-o", "wide");
    assertThat(table)
        .contains("rollout.argoproj.io/rollouts-demo")
        .contains("DESIRED   CURRENT   UP-TO-DATE   AVAILABLE")
        .contains("replicaset.apps/rollouts-demo-")
        .contains("service/rollouts-demo")
        .contains("app=rollouts-demo")
        .contains("endpoints/rollouts-demo");

    // The update, with kubectl apply: the canary pauses at its first pause without end.
    kubectl("apply", "-f", write("rollout.yaml", ROLLOUT.formatted("yellow")).toString());
    awaitKubectl(
        out -> out.equals("Paused"),
        "get",
        "rollout",
        "rollouts-demo",
        "-o",
        "jsonpath={.status.phase}");
    assertThat(kubectl("get", "pods", "-l", "app=rollouts-demo", "--show-labels"))
        .contains("rollouts-pod-template-hash=");

    CliCluster.Result promoted =
        CliCluster.runBare("promote", "rollouts-demo", "--kubeconfig", kubeconfig.toString());
    assertThat(promoted.exitCode()).as(promoted.err()).isZero();
    awaitKubectl(
        out -> out.equals("Healthy argoproj/rollouts-demo:yellow"),
        "get",
        "rollout",
        "rollouts-demo",
        "-o",
        "jsonpath={.status.phase} {.spec.template.spec.containers[0].image}");

    // The next update, with kubectl edit; then abort it at its pause.
    ProcessBuilder edit = kubectlProcess("edit", "rollout", "rollouts-demo");
    edit.environment().put("EDITOR", "sed -i s/rollouts-demo:yellow/rollouts-demo:red/");
    assertThat(run(edit)).isEqualTo("rollout.argoproj.io/rollouts-demo edited\n");
    awaitKubectl(
        out -> out.equals("Paused"),
        "get",
        "rollout",
        "rollouts-demo",
        "-o",
        "jsonpath={.status.phase}");
    CliCluster.Result aborted =
        CliCluster.runBare("abort", "rollouts-demo", "--kubeconfig", kubeconfig.toString());
    assertThat(aborted.exitCode()).as(aborted.err()).isZero();
    awaitKubectl(
        out -> out.equals("Degraded"),
        "get",
        "rollout",
        "rollouts-demo",
        "-o",
        "jsonpath={.status.phase}");

    // The stable pods (yellow) are the Service's endpoints; the aborted canary's are gone.
    String stableHash =
        kubectl("get", "rollout", "rollouts-demo", "-o", "jsonpath={.status.stableRS}");
    String stableIps =
        awaitKubectl(
            out -> out.split(" ").length == 3,
            "get",
            "pods",
            "-l",
            "rollouts-pod-template-hash=" + stableHash,
            "-o",
            "jsonpath={.items[*].status.podIP}");
    awaitKubectl(
        out ->
            List.of(out.split(",")).containsAll(List.of(stableIps.split(" ")))
                && out.split(",").length == 3,
        "get",
        "ep",
        "rollouts-demo",
        "-o",
        "jsonpath={range .subsets[*].addresses[*]}{.ip}{\",\"}{end}");

    assertThat(kubectl("delete", "rollout", "rollouts-demo"))
        .isEqualTo("rollout.argoproj.io \"rollouts-demo\" deleted\n");
    awaitKubectl(out -> out.isEmpty(), "get", "rs,pods", "-o", "name");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static boolean kubectlOnPath() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "kubectl"))) {
        return true;
      }
    }
    return false;
  }

  private ProcessBuilder kubectlProcess(String... args) {
    List<String> command = new ArrayList<>(List.of("kubectl"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("KUBECACHEDIR", dir.resolve("cache").toString());
    return pb;
  }

  private String kubectl(String... args) throws Exception {
    return run(kubectlProcess(args));
  }

  private static String run(ProcessBuilder pb) throws Exception {
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl did not end: " + pb.command());
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new AssertionError(pb.command() + " exited " + p.exitValue() + ": " + text);
    }
    return text;
  }

  /** Runs kubectl until its output satisfies {@code done}; returns that output. */
  private String awaitKubectl(Predicate<String> done, String... args) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String out = "";
    while (System.nanoTime() < deadline) {
      out = kubectl(args).trim();
      if (done.test(out)) {
        return out;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("kubectl " + String.join(" ", args) + " still says: " + out);
  }
}
