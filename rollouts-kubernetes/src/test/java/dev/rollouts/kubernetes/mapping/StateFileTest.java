package dev.rollouts.kubernetes.mapping;

import static dev.rollouts.kubernetes.mapping.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateFileTest {

  private static final String ROLLOUT =
      "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\n";

  @Test
  void readsDocumentsAndListsAndSkipsOtherKinds() {
    ClusterState state = StateFile.parse(resource("observed-state.yaml"));

    assertThat(state.rollout().key()).isEqualTo("shop/web");
    assertThat(state.replicaSets()).hasSize(6);
    assertThat(state.services()).hasSize(3);
    assertThat(state.ingresses()).hasSize(1);
  }

  @Test
  void readsJsonAsKubectlPrintsIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.json");
    Files.writeString(
        file,
        "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"apiVersion\":"
            + " \"argoproj.io/v1alpha1\", \"kind\": \"Rollout\", \"metadata\": {\"name\":"
            + " \"web\"}},{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\":"
            + " \"web\"}}]}");

    ClusterState state = StateFile.read(file);

    assertThat(state.rollout().key()).isEqualTo("default/web");
    assertThat(state.services()).hasSize(1);
  }

  @Test
  void ignoresEmptyDocuments() {
    assertThat(StateFile.parse("---\n" + ROLLOUT + "---\n---\n").replicaSets()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "no rollout | `apiVersion: v1\nkind: Service\nmetadata: {name: web}\n`"
            + " | no Rollout (argoproj.io/v1alpha1); a state file holds exactly one",
        "two rollouts | `"
            + ROLLOUT
            + "---\n"
            + "apiVersion: argoproj.io/v1alpha1\n"
            + "kind: Rollout\n"
            + "metadata: {name: api, namespace: x}\n"
            + "` | 2 Rollouts (default/web, x/api); a state file holds exactly one",
        "not yaml | `kind: Rollout\n  - : [\n` | not YAML: ",
        "a scalar | `just words\n` | a document is \"just words\", not a Kubernetes object",
        "no kind | `"
            + ROLLOUT
            + "---\n"
            + "metadata: {name: x}\n"
            + "` | a document has no kind, so it is not a Kubernetes object",
        "empty | `` | no Rollout (argoproj.io/v1alpha1); a state file holds exactly one",
      })
  void rejectsAFileThatIsNotOneState(String what, String yaml, String message) {
    assertThatThrownBy(() -> StateFile.parse(yaml))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(message)
        .satisfies(e -> assertThat(((ManifestException) e).object()).isEmpty());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`kind: ReplicaSet\napiVersion: apps/v1\nmetadata: {name: web-1}\nspec: {replicas: two}`"
            + " | ReplicaSet default/web-1: spec.replicas: must be an integer, was \"two\"",
        "`kind: ReplicaSet\n"
            + "apiVersion: apps/v1\n"
            + "metadata: {name: web-1, namespace: shop}\n"
            + "status: {availableReplicas: '3'}` | ReplicaSet shop/web-1: status.availableReplicas:"
            + " must be an integer, was \"3\"",
        "`kind: ReplicaSet\n"
            + "apiVersion: apps/v1\n"
            + "metadata: {name: web-1}\n"
            + "spec: {template: {spec: {containers: {}}}}` | ReplicaSet default/web-1:"
            + " spec.template.spec.containers: must be a list, was an object",
        "`kind: Service\napiVersion: v1\nmetadata: {name: web}\nspec: {selector: [app]}`"
            + " | Service default/web: spec.selector: must be an object, was a list",
        "`kind: Ingress\napiVersion: networking.k8s.io/v1\nmetadata: {namespace: shop}`"
            + " | Ingress shop/: metadata.name: is required",
      })
  void namesTheObjectAndFieldThatCannotBeRead(String yaml, String message) {
    assertThatThrownBy(() -> StateFile.parse(ROLLOUT + "---\n" + yaml + "\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(message);
  }
}
