package dev.rollouts.cli.simulate;

import dev.rollouts.cli.CommandFailure;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects a simulation starts from: the built-in demo or the user's files (YAML or JSON, one or
 * several documents, or a {@code kind: List}). Rollouts become {@link RolloutResource}s; built-in
 * kinds stay as fabric8 reads them; kinds the in-process server has no definition for are left out,
 * with a note.
 */
final class Manifests {

  private static final String DEMO = "/dev/rollouts/cli/simulate/demo.yaml";

  /** The objects, and notes about what was left out. */
  record Loaded(List<HasMetadata> objects, List<String> notes) {}

  private Manifests() {}

  /** The built-in demo: a Service pair, an Ingress, and a canary Rollout named {@code demo}. */
  static Loaded demo(KubernetesClient client) {
    try (InputStream in = Manifests.class.getResourceAsStream(DEMO)) {
      return read(client, in, "the built-in demo");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEMO, e);
    }
  }

  /**
   * The objects of {@code files}, in order.
   *
   * @throws CommandFailure if a file cannot be read or parsed
   */
  static Loaded files(KubernetesClient client, List<Path> files) {
    List<HasMetadata> objects = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        Loaded loaded = read(client, in, file.toString());
        objects.addAll(loaded.objects());
        notes.addAll(loaded.notes());
      } catch (IOException e) {
        throw new CommandFailure("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    if (objects.stream().noneMatch(RolloutResource.class::isInstance)) {
      throw new CommandFailure(
          "no Rollout in " + String.join(", ", files.stream().map(Path::toString).toList()));
    }
    return new Loaded(objects, notes);
  }

  private static Loaded read(KubernetesClient client, InputStream in, String source) {
    List<HasMetadata> items;
    try {
      items = client.load(in).items();
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new CommandFailure("cannot parse " + source + ": " + e.getMessage(), e);
    }
    List<HasMetadata> objects = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (HasMetadata item : items) {
      if (item == null) {
        continue;
      }
      if (item instanceof GenericKubernetesResource generic) {
        if (RolloutResource.API_VERSION.equals(generic.getApiVersion())
            && RolloutResource.KIND.equals(generic.getKind())) {
          objects.add(
              client.getKubernetesSerialization().convertValue(generic, RolloutResource.class));
        } else {
          notes.add(
              "left out "
                  + generic.getKind()
                  + " "
                  + generic.getMetadata().getName()
                  + " of "
                  + source
                  + ": the simulation knows Rollouts and Kubernetes' own kinds");
        }
      } else {
        objects.add(item);
      }
    }
    return new Loaded(objects, notes);
  }

  /**
   * Creates {@code objects} (in namespace {@code default} when they name none), and first the
   * namespaces they name that do not exist yet (the simulated cluster, like a real one, requires
   * them; the files of a tutorial usually come after a {@code kubectl create namespace}).
   *
   * @return how they are named: {@code Service default/demo-stable}
   * @throws CommandFailure if the server refuses one
   */
  static List<String> create(KubernetesClient client, List<HasMetadata> objects) {
    List<String> created = new ArrayList<>();
    for (HasMetadata object : objects) {
      if (object.getMetadata().getNamespace() == null) {
        object.getMetadata().setNamespace("default");
      }
      String namespace = object.getMetadata().getNamespace();
      if (!(object instanceof io.fabric8.kubernetes.api.model.Namespace)
          && client.namespaces().withName(namespace).get() == null) {
        client
            .namespaces()
            .resource(
                new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                    .withNewMetadata()
                    .withName(namespace)
                    .endMetadata()
                    .build())
            .create();
      }
      String name =
          object.getKind()
              + " "
              + object.getMetadata().getNamespace()
              + "/"
              + object.getMetadata().getName();
      try {
        if (object instanceof RolloutResource rollout) {
          client
              .resources(RolloutResource.class)
              .inNamespace(rollout.getMetadata().getNamespace())
              .resource(rollout)
              .create();
        } else {
          client.resource(object).create();
        }
      } catch (KubernetesClientException e) {
        throw new CommandFailure("cannot create " + name + ": " + e.getMessage(), e);
      }
      created.add(name);
    }
    return created;
  }
}
