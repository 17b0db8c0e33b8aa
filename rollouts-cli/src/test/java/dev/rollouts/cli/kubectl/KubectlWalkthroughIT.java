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
 * Argo's getting-started canary and blue-green walkthroughs, as their tutorials type them, with the
 * real {@code kubectl} against the simulated cluster and the controller (the plugin's verbs run the
 * rollouts command in this JVM): create the namespace, apply, wait for Healthy, change the image
 * with {@code apply} and with {@code edit}, pause, promote, promote {@code --full}, abort, undo,
 * and see the Services' selectors and endpoints follow. Skipped, saying why, without kubectl.
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

    CliCluster.Result promoted = argo("promote", "rollouts-demo");
    assertThat(promoted.exitCode()).as(promoted.err()).isZero();
    awaitKubectl(
        out -> out.equals("Healthy argoproj/rollouts-demo:yellow"),
        "get",
        "rollout",
        "rollouts-demo",
        "-o",
        "jsonpath={.status.phase} {.spec.template.spec.containers[0].image}");

    // The next update, with kubectl edit: paused by hand, then promoted past every step.
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
    assertThat(argo("pause", "rollouts-demo").exitCode()).isZero();
    assertThat(kubectl("get", "rollout", "rollouts-demo", "-o", "jsonpath={.spec.paused}"))
        .isEqualTo("true");
    assertThat(argo("promote", "rollouts-demo", "--full").exitCode()).isZero();
    awaitKubectl(
        out -> out.equals("Healthy argoproj/rollouts-demo:red"),
        "get",
        "rollout",
        "rollouts-demo",
        "-o",
        "jsonpath={.status.phase} {.spec.template.spec.containers[0].image}");

    // One more, aborted at its pause.
    kubectl("apply", "-f", write("rollout.yaml", ROLLOUT.formatted("green")).toString());
    awaitKubectl(
        out -> out.equals("Paused"),
        "get",
        "rollout",
        "rollouts-demo",
        "-o",
        "jsonpath={.status.phase}");
    CliCluster.Result aborted = argo("abort", "rollouts-demo");
    assertThat(aborted.exitCode()).as(aborted.err()).isZero();
    awaitKubectl(
        out -> out.equals("Degraded"),
        "get",
        "rollout",
        "rollouts-demo",
        "-o",
        "jsonpath={.status.phase}");

    // The stable pods (red) are the Service's endpoints; the aborted canary's are gone.
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

  private static final String BLUE_GREEN =
      String.join(
          "\n",
          "apiVersion: argoproj.io/v1alpha1",
          "kind: Rollout",
          "metadata:",
          "  name: rollout-bluegreen",
          "spec:",
          "  replicas: 2",
          "  revisionHistoryLimit: 2",
          "  selector:",
          "    matchLabels:",
          "      app: rollout-bluegreen",
          "  template:",
          "    metadata:",
          "      labels:",
          "        app: rollout-bluegreen",
          "    spec:",
          "      containers:",
          "      - name: rollouts-demo",
          "        image: argoproj/rollouts-demo:%s",
          "        ports:",
          "        - containerPort: 8080",
          "  strategy:",
          "    blueGreen:",
          "      activeService: rollout-bluegreen-active",
          "      previewService: rollout-bluegreen-preview",
          "      autoPromotionEnabled: false",
          "---",
          "kind: Service",
          "apiVersion: v1",
          "metadata:",
          "  name: rollout-bluegreen-active",
          "spec:",
          "  selector:",
          "    app: rollout-bluegreen",
          "  ports:",
          "  - protocol: TCP",
          "    port: 80",
          "    targetPort: 8080",
          "---",
          "kind: Service",
          "apiVersion: v1",
          "metadata:",
          "  name: rollout-bluegreen-preview",
          "spec:",
          "  selector:",
          "    app: rollout-bluegreen",
          "  ports:",
          "  - protocol: TCP",
          "    port: 80",
          "    targetPort: 8080",
          "");

  @Test
  void theBlueGreenTutorialMovesTheSelectorsAndEndpoints() throws Exception {
    kubectl("create", "namespace", "shop");
    Path manifests = write("bluegreen.yaml", BLUE_GREEN.formatted("blue"));
    assertThat(kubectl("apply", "-f", manifests.toString()))
        .contains("rollout.argoproj.io/rollout-bluegreen created")
        .contains("service/rollout-bluegreen-active created")
        .contains("service/rollout-bluegreen-preview created");
    awaitKubectl(
        out -> out.equals("Healthy"),
        "get",
        "rollout",
        "rollout-bluegreen",
        "-o",
        "jsonpath={.status.phase}");
    String blue =
        kubectl("get", "rollout", "rollout-bluegreen", "-o", "jsonpath={.status.stableRS}");
    awaitKubectl(
        out -> out.contains("rollouts-pod-template-hash=" + blue), "get", "svc", "-o", "wide");

    kubectl("apply", "-f", write("bluegreen.yaml", BLUE_GREEN.formatted("green")).toString());
    awaitKubectl(
        out -> out.equals("Paused"),
        "get",
        "rollout",
        "rollout-bluegreen",
        "-o",
        "jsonpath={.status.phase}");
    String green =
        kubectl("get", "rollout", "rollout-bluegreen", "-o", "jsonpath={.status.currentPodHash}");
    assertThat(green).isNotEqualTo(blue);
    awaitKubectl(
        out -> out.equals(green),
        "get",
        "svc",
        "rollout-bluegreen-preview",
        "-o",
        "jsonpath={.spec.selector.rollouts-pod-template-hash}");
    assertThat(
            kubectl(
                "get",
                "svc",
                "rollout-bluegreen-active",
                "-o",
                "jsonpath={.spec.selector.rollouts-pod-template-hash}"))
        .isEqualTo(blue);
    awaitKubectl(
        out -> endpointsAre(out, green),
        "get",
        "ep",
        "rollout-bluegreen-preview",
        "-o",
        "jsonpath={range .subsets[*].addresses[*]}{.targetRef.name}{\" \"}{end}");
    assertThat(kubectl("get", "svc,ep", "-o", "wide"))
        .contains("rollouts-pod-template-hash=" + green)
        .contains("rollouts-pod-template-hash=" + blue);

    assertThat(argo("promote", "rollout-bluegreen").exitCode()).isZero();
    awaitKubectl(
        out -> out.equals("Healthy " + green),
        "get",
        "rollout",
        "rollout-bluegreen",
        "-o",
        "jsonpath={.status.phase} {.status.stableRS}");
    awaitKubectl(
        out -> out.equals(green),
        "get",
        "svc",
        "rollout-bluegreen-active",
        "-o",
        "jsonpath={.spec.selector.rollouts-pod-template-hash}");
    awaitKubectl(
        out -> endpointsAre(out, green),
        "get",
        "ep",
        "rollout-bluegreen-active",
        "-o",
        "jsonpath={range .subsets[*].addresses[*]}{.targetRef.name}{\" \"}{end}");

    // undo: the blue template again (the engine goes back to the blue ReplicaSet, still up)
    CliCluster.Result undone = argo("undo", "rollout-bluegreen");
    assertThat(undone.exitCode()).as(undone.err()).isZero();
    awaitKubectl(
        out -> out.endsWith(" argoproj/rollouts-demo:blue") && !out.startsWith("Degraded"),
        "get",
        "rollout",
        "rollout-bluegreen",
        "-o",
        "jsonpath={.status.phase} {.spec.template.spec.containers[0].image}");
  }

  /**
   * Whether the endpoint pods listed (space-separated names) are two, all of ReplicaSet {@code
   * hash}.
   */
  private static boolean endpointsAre(String names, String hash) {
    List<String> pods = List.of(names.trim().split(" "));
    return pods.size() == 2
        && pods.stream().allMatch(p -> p.startsWith("rollout-bluegreen-" + hash + "-"));
  }

  /** {@code kubectl argo rollouts ARGS}: the plugin's verbs are the rollouts command's. */
  private CliCluster.Result argo(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--kubeconfig");
    all.add(kubeconfig.toString());
    return CliCluster.runBare(all.toArray(String[]::new));
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
