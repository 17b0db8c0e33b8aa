package dev.rollouts.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.kubernetes.controller.ControllerPermissions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code manifests/}: the committed files are what the code generates (run with {@code
 * -Dmanifests.write=true} to write them), their RBAC is {@link ControllerPermissions}, and every
 * object applies to the in-process API server.
 */
class InstallManifestsTest {

  static final Path DIR = Path.of("..", "manifests");

  static CliCluster cluster;

  @BeforeAll
  static void writeIfAsked() throws IOException {
    if (Boolean.getBoolean("manifests.write")) {
      Files.createDirectories(DIR);
      for (Map.Entry<String, String> file : InstallManifests.files().entrySet()) {
        Files.writeString(DIR.resolve(file.getKey()), file.getValue());
      }
    }
    cluster = CliCluster.start();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static List<HasMetadata> objects(String file) {
    KubernetesClient client = cluster.client();
    return client
        .load(
            new ByteArrayInputStream(
                InstallManifests.files().get(file).getBytes(StandardCharsets.UTF_8)))
        .items();
  }

  @Test
  void theCommittedManifestsAreWhatTheCodeGenerates() throws IOException {
    for (Map.Entry<String, String> file : InstallManifests.files().entrySet()) {
      Path committed = DIR.resolve(file.getKey());
      assertThat(committed).as("manifests/%s is committed", file.getKey()).exists();
      assertThat(Files.readString(committed))
          .as(
              "manifests/%s differs from what InstallManifests generates; regenerate it with"
                  + " mvn -pl rollouts-cli -am test -Dtest=InstallManifestsTest"
                  + " -Dsurefire.failIfNoSpecifiedTests=false -Dmanifests.write=true",
              file.getKey())
          .isEqualTo(file.getValue());
    }
  }

  @Test
  void theCrdsAreEveryCrdTheAdapterShips() throws IOException {
    List<String> shipped;
    try (var files =
        Files.list(Path.of("..", "rollouts-kubernetes", "src", "main", "resources", "crd"))) {
      shipped = files.map(f -> "/crd/" + f.getFileName()).sorted().toList();
    }
    List<String> names =
        objects("crds.yaml").stream()
            .map(o -> "/crd/" + o.getMetadata().getName() + ".yaml")
            .toList();

    assertThat(InstallManifests.crdResources()).containsExactlyInAnyOrderElementsOf(shipped);
    assertThat(names).containsExactlyInAnyOrderElementsOf(shipped);
    assertThat(names.get(0)).isEqualTo("/crd/rollouts.argoproj.io.yaml");
  }

  @Test
  void theClusterRoleGrantsTheControllersPermissionsAndTheLeaseRoleOnlyLeases() {
    List<HasMetadata> install = objects("install.yaml");
    ClusterRole role =
        install.stream()
            .filter(ClusterRole.class::isInstance)
            .map(ClusterRole.class::cast)
            .findFirst()
            .orElseThrow();
    Role lease =
        install.stream()
            .filter(Role.class::isInstance)
            .map(Role.class::cast)
            .findFirst()
            .orElseThrow();

    assertThat(role.getRules().stream().map(InstallManifestsTest::rule).toList())
        .isEqualTo(
            ControllerPermissions.managing().stream()
                .map(r -> List.of(List.of(r.apiGroup()), r.resources(), r.verbs()))
                .toList());
    assertThat(lease.getMetadata().getNamespace()).isEqualTo(InstallManifests.NAMESPACE);
    assertThat(lease.getRules().stream().map(InstallManifestsTest::rule).toList())
        .containsExactly(
            List.of(
                List.of("coordination.k8s.io"),
                List.of("leases"),
                ControllerPermissions.leaderElection().verbs()));
  }

  static List<List<String>> rule(PolicyRule rule) {
    return List.of(rule.getApiGroups(), rule.getResources(), rule.getVerbs());
  }

  @Test
  void theDeploymentRunsTheControllerWithLeaderElectionProbesAndJsonLogs() {
    Deployment deployment =
        objects("install.yaml").stream()
            .filter(Deployment.class::isInstance)
            .map(Deployment.class::cast)
            .findFirst()
            .orElseThrow();
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(container.getArgs()).isEqualTo(InstallManifests.controllerArgs(false));
    assertThat(container.getArgs()).contains("--leader-elect", "--log-format", "json");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo(InstallManifests.NAME);
  }

  @Test
  void theDockerfileBuildsTheImageTheDeploymentRunsFromTheShadedJar() throws IOException {
    String dockerfile = Files.readString(DIR.resolve("Dockerfile"));

    assertThat(dockerfile)
        .contains("docker build -f manifests/Dockerfile -t " + InstallManifests.IMAGE + " .")
        .containsPattern("(?m)^FROM eclipse-temurin:17-jre$")
        .contains("COPY rollouts-cli/target/rollouts-cli-*-shaded.jar /opt/rollouts/rollouts.jar")
        .contains("\"-jar\", \"/opt/rollouts/rollouts.jar\"]");
  }

  /**
   * The objects the simulated cluster can hold: it serves no RBAC API (ServiceAccounts, Roles and
   * bindings are checked above, as YAML).
   */
  static List<HasMetadata> servable(String file) {
    return objects(file).stream()
        .filter(o -> !o.getApiVersion().startsWith("rbac.authorization.k8s.io/"))
        .toList();
  }

  @Test
  void everyObjectOfBothInstallsAppliesToTheApiServer() {
    KubernetesClient client = cluster.client();
    for (HasMetadata object : servable("install.yaml")) {
      client.resource(object).createOr(NonDeletingOperation::update);
    }
    if (client.namespaces().withName("team-a").get() == null) {
      client
          .namespaces()
          .resource(
              new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                  .withNewMetadata()
                  .withName("team-a")
                  .endMetadata()
                  .build())
          .create();
    }
    for (HasMetadata object : servable("namespace-install.yaml")) {
      client.resource(object).inNamespace("team-a").createOr(NonDeletingOperation::update);
    }

    for (HasMetadata object : servable("install.yaml")) {
      assertThat(client.resource(object).get()).as(object.getFullResourceName()).isNotNull();
    }
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("team-a")
                .withName(InstallManifests.NAME)
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getArgs())
        .containsSequence("--namespace", "$(POD_NAMESPACE)");
    assertThat(client.serviceAccounts().inNamespace("team-a").withName(InstallManifests.NAME).get())
        .isNotNull();
  }
}
