package dev.rollouts.cli.install;

import dev.rollouts.kubernetes.controller.ControllerPermissions;
import dev.rollouts.kubernetes.controller.ControllerPermissions.Rule;
import dev.rollouts.kubernetes.controller.RolloutCrd;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The install manifests of the standalone controller ({@code manifests/} in the repository), made
 * from the code they describe so that they cannot drift from it: the CRDs are the adapter's own CRD
 * resources, the RBAC rules are {@link ControllerPermissions} (each with a comment saying what it
 * is for), the Deployment runs {@code rollouts controller} with {@link #controllerArgs}.
 *
 * <ul>
 *   <li>{@code crds.yaml}: every CRD.
 *   <li>{@code install.yaml}: the {@value #NAMESPACE} namespace, the CRDs, and a controller of
 *       every namespace (ClusterRole).
 *   <li>{@code namespace-install.yaml}: a controller of the one namespace it is applied to ({@code
 *       kubectl apply -n team-a -f ...}), with a Role only; the CRDs come from {@code crds.yaml},
 *       applied once by a cluster administrator.
 * </ul>
 */
public final class InstallManifests {

  /** The namespace of the cluster-scoped install: Argo Rollouts' own. */
  public static final String NAMESPACE = "argo-rollouts";

  /** The name of the ServiceAccount, roles, Deployment. */
  public static final String NAME = "rollouts-controller";

  /** The image the Dockerfile next to the manifests builds. */
  public static final String IMAGE = "rollouts-java/rollouts:0.1.0-SNAPSHOT";

  /** The port of {@code /metrics}, as Argo Rollouts'. */
  public static final int METRICS_PORT = 8090;

  /** The port of {@code /healthz} and {@code /readyz}, as Argo Rollouts'. */
  public static final int HEALTHZ_PORT = 8080;

  private static final String HEADER =
      "# Generated from the code by rollouts-cli's InstallManifestsTest (InstallManifests): do not"
          + " edit.\n"
          + "# Regenerate: mvn -pl rollouts-cli -am test -Dtest=InstallManifestsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dmanifests.write=true\n";

  private InstallManifests() {}

  /** Every manifest file, by name. */
  public static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("crds.yaml", HEADER + "# kubectl apply -f manifests/crds.yaml\n" + crds());
    files.put("install.yaml", install());
    files.put("namespace-install.yaml", namespaceInstall());
    return files;
  }

  /**
   * The arguments of {@code rollouts controller} in the Deployment; {@code $(POD_NAMESPACE)} is the
   * pod's namespace (Kubernetes expands it from the container's environment).
   */
  public static List<String> controllerArgs(boolean namespaced) {
    List<String> args = new ArrayList<>(List.of("controller"));
    if (namespaced) {
      args.addAll(List.of("--namespace", "$(POD_NAMESPACE)"));
    }
    args.addAll(
        List.of(
            "--leader-elect",
            "--lease-namespace",
            "$(POD_NAMESPACE)",
            "--metrics-port",
            Integer.toString(METRICS_PORT),
            "--healthz-port",
            Integer.toString(HEALTHZ_PORT),
            "--log-format",
            "json"));
    return args;
  }

  /**
   * Every CRD resource this library ships: each {@code crd/*.yaml} next to {@link RolloutCrd} (in
   * rollouts-kubernetes' classes or jar, or the shaded jar), the Rollout's first, then by name. So
   * a CRD added to the adapter is in the manifests without a change here.
   */
  static List<String> crdResources() {
    List<String> names = new ArrayList<>();
    try {
      URI location = RolloutCrd.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      Path root = Path.of(location);
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.list(root.resolve("crd"))) {
          files.forEach(f -> names.add("/crd/" + f.getFileName()));
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          jar.stream()
              .map(JarEntry::getName)
              .filter(n -> n.startsWith("crd/") && n.length() > 4 && !n.endsWith("/"))
              .forEach(n -> names.add("/" + n));
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list the CRD resources of rollouts-kubernetes", e);
    }
    return names.stream()
        .filter(n -> n.endsWith(".yaml"))
        .sorted(
            Comparator.comparing((String n) -> !n.equals(RolloutCrd.RESOURCE))
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  private static String crds() {
    return crdResources().stream()
        .map(InstallManifests::resource)
        .map(String::strip)
        .map(text -> text.startsWith("---") ? text.substring(3).strip() : text)
        .collect(Collectors.joining("\n---\n", "---\n", "\n"));
  }

  private static String resource(String name) {
    try (InputStream in = RolloutCrd.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from rollouts-kubernetes");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String install() {
    StringBuilder out = new StringBuilder(HEADER);
    out.append("# The controller of every namespace, in namespace ")
        .append(NAMESPACE)
        .append(":\n");
    out.append("#   kubectl apply -f manifests/install.yaml\n");
    out.append("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ")
        .append(NAMESPACE)
        .append('\n');
    out.append(crds());
    String ns = "  namespace: " + NAMESPACE + "\n";
    out.append(serviceAccount(ns));
    out.append("---\n# What the controller reads and writes, in every namespace.\n");
    out.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n");
    out.append(metadata(NAME, "")).append(rules(ControllerPermissions.managing()));
    out.append("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n");
    out.append(metadata(NAME, "")).append(roleRef("ClusterRole", NAME));
    out.append(subject(NAMESPACE));
    out.append(leaseRole(ns));
    out.append(deployment(ns, false));
    out.append(metricsService(ns));
    return out.toString();
  }

  private static String namespaceInstall() {
    StringBuilder out = new StringBuilder(HEADER);
    out.append(
        "# The controller of one namespace, installed into it (the CRDs first, once, by an\n");
    out.append("# administrator):\n");
    out.append("#   kubectl apply -f manifests/crds.yaml\n");
    out.append("#   kubectl apply -n team-a -f manifests/namespace-install.yaml\n");
    out.append(serviceAccount(""));
    out.append("---\n# What the controller reads and writes, in its own namespace only.\n");
    out.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n");
    List<Rule> rules = new ArrayList<>(ControllerPermissions.managing());
    rules.add(ControllerPermissions.leaderElection());
    out.append(metadata(NAME, "")).append(rules(rules));
    out.append("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n");
    out.append(metadata(NAME, "")).append(roleRef("Role", NAME)).append(subject(null));
    out.append(deployment("", true));
    out.append(metricsService(""));
    return out.toString();
  }

  private static String metadata(String name, String namespaceLine) {
    return "metadata:\n  name: "
        + name
        + "\n"
        + namespaceLine
        + "  labels:\n    app.kubernetes.io/name: "
        + NAME
        + "\n    app.kubernetes.io/part-of: rollouts-java\n";
  }

  private static String serviceAccount(String ns) {
    return "---\napiVersion: v1\nkind: ServiceAccount\n" + metadata(NAME, ns);
  }

  private static String leaseRole(String ns) {
    String name = NAME + "-leader-election";
    return "---\n# Leader election, in the controller's own namespace only.\n"
        + "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n"
        + metadata(name, ns)
        + rules(List.of(ControllerPermissions.leaderElection()))
        + "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
        + metadata(name, ns)
        + roleRef("Role", name)
        + subject(NAMESPACE);
  }

  private static String rules(List<Rule> rules) {
    StringBuilder out = new StringBuilder("rules:\n");
    for (Rule rule : rules) {
      out.append("# ").append(rule.purpose()).append('\n');
      out.append("- apiGroups: [").append(quote(rule.apiGroup())).append("]\n");
      out.append("  resources: ").append(list(rule.resources())).append('\n');
      out.append("  verbs: ").append(list(rule.verbs())).append('\n');
    }
    return out.toString();
  }

  private static String roleRef(String kind, String name) {
    return "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: "
        + kind
        + "\n  name: "
        + name
        + "\n";
  }

  /** The ServiceAccount as a subject; without a namespace, the binding's own. */
  private static String subject(String namespace) {
    return "subjects:\n- kind: ServiceAccount\n  name: "
        + NAME
        + "\n"
        + (namespace == null ? "" : "  namespace: " + namespace + "\n");
  }

  private static String deployment(String ns, boolean namespaced) {
    StringBuilder out = new StringBuilder("---\n");
    out.append("# rollouts controller: two replicas, one acting (leader election on a Lease).\n");
    out.append("apiVersion: apps/v1\nkind: Deployment\n").append(metadata(NAME, ns));
    out.append("spec:\n  replicas: 2\n  selector:\n    matchLabels:\n");
    out.append("      app.kubernetes.io/name: ").append(NAME).append('\n');
    out.append("  template:\n    metadata:\n      labels:\n");
    out.append("        app.kubernetes.io/name: ").append(NAME).append('\n');
    out.append("    spec:\n      serviceAccountName: ").append(NAME).append('\n');
    out.append("      securityContext:\n        runAsNonRoot: true\n");
    out.append("      containers:\n      - name: controller\n");
    out.append("        image: ").append(IMAGE).append('\n');
    out.append("        args: ").append(list(controllerArgs(namespaced))).append('\n');
    out.append("        env:\n        - name: POD_NAMESPACE\n          valueFrom:\n");
    out.append("            fieldRef:\n              fieldPath: metadata.namespace\n");
    out.append("        ports:\n");
    out.append("        - name: metrics\n          containerPort: ").append(METRICS_PORT);
    out.append("\n        - name: healthz\n          containerPort: ").append(HEALTHZ_PORT);
    out.append('\n');
    out.append(probe("livenessProbe", "/healthz", 30));
    out.append(probe("readinessProbe", "/readyz", 5));
    out.append("        resources:\n          requests:\n            cpu: 100m\n");
    out.append("            memory: 256Mi\n          limits:\n            memory: 512Mi\n");
    out.append("        securityContext:\n          allowPrivilegeEscalation: false\n");
    out.append("          readOnlyRootFilesystem: true\n");
    out.append("          capabilities:\n            drop: [\"ALL\"]\n");
    return out.toString();
  }

  private static String probe(String kind, String path, int initialDelay) {
    return "        "
        + kind
        + ":\n          httpGet:\n            path: "
        + path
        + "\n            port: healthz\n          initialDelaySeconds: "
        + initialDelay
        + "\n          periodSeconds: 10\n";
  }

  private static String metricsService(String ns) {
    return "---\n# Where Prometheus scrapes the controller's /metrics.\n"
        + "apiVersion: v1\nkind: Service\n"
        + metadata(NAME + "-metrics", ns)
        + "  annotations:\n    prometheus.io/scrape: \"true\"\n"
        + "    prometheus.io/port: \""
        + METRICS_PORT
        + "\"\n"
        + "spec:\n  selector:\n    app.kubernetes.io/name: "
        + NAME
        + "\n  ports:\n  - name: metrics\n    port: "
        + METRICS_PORT
        + "\n    targetPort: metrics\n";
  }

  private static String list(List<String> values) {
    return values.stream().map(InstallManifests::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
