package dev.rollouts.kubernetes.crd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code argoproj.io/v1alpha1} {@code Rollout} as the API server stores it: typed metadata, and
 * {@code spec}, {@code status} and any other top-level field as generic JSON trees.
 *
 * <p><b>Why a generic resource, not a typed {@code CustomResource<Spec, Status>}.</b> The Rollout
 * CRD is large, grows with every Argo Rollouts release and is partly free-form (analysis arguments,
 * traffic-router blocks, experiment templates). A typed model would silently drop every field it
 * does not declare when an object is read, changed and written back, and a controller that writes
 * {@code status} would erase fields another tool (Argo CD, the {@code kubectl argo rollouts}
 * plug-in, a newer Argo controller) put there. Extending {@link GenericKubernetesResource} keeps
 * every field, known or not, in {@link #getAdditionalProperties()} and writes it back unchanged;
 * the fabric8 annotations still make {@code client.resources(RolloutResource.class)} work with
 * typed operations, informers and the status subresource. The mapping package reads the trees into
 * the core's immutable types and names the field at fault when one has the wrong type.
 *
 * <pre>{@code
 * RolloutResource r = client.resources(RolloutResource.class).inNamespace("shop").withName("web").get();
 * r.setStatus(StatusMapper.toMap(decision.status()));
 * client.resource(r).updateStatus();   // spec and unknown status fields of other tools survive
 * }</pre>
 *
 * <p>Mutable, like every fabric8 model object; not thread-safe.
 */
@Group(RolloutResource.GROUP)
@Version(RolloutResource.VERSION)
@Kind(RolloutResource.KIND)
@Plural(RolloutResource.PLURAL)
@Singular("rollout")
public class RolloutResource extends GenericKubernetesResource implements Namespaced {

  private static final long serialVersionUID = 1L;

  /** {@code argoproj.io}. */
  public static final String GROUP = "argoproj.io";

  /** {@code v1alpha1}. */
  public static final String VERSION = "v1alpha1";

  /** {@code argoproj.io/v1alpha1}. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** {@code Rollout}. */
  public static final String KIND = "Rollout";

  /** {@code rollouts}. */
  public static final String PLURAL = "rollouts";

  /** An empty Rollout with {@code apiVersion} and {@code kind} set. */
  public RolloutResource() {
    setApiVersion(API_VERSION);
    setKind(KIND);
  }

  /** A Rollout with this metadata and spec, and no status. */
  public static RolloutResource of(ObjectMeta metadata, Map<String, Object> spec) {
    RolloutResource rollout = new RolloutResource();
    rollout.setMetadata(metadata);
    rollout.setSpec(spec);
    return rollout;
  }

  /**
   * {@code spec}: the stored tree itself, so changes to it are changes to this object; an empty,
   * unmodifiable map when {@code spec} is absent or not an object.
   */
  @JsonIgnore
  public Map<String, Object> getSpec() {
    return tree("spec");
  }

  /** Replaces {@code spec} with a copy of {@code spec}. */
  @JsonIgnore
  public void setSpec(Map<String, Object> spec) {
    setAdditionalProperty("spec", new LinkedHashMap<>(spec));
  }

  /**
   * {@code status}: the stored tree itself, so changes to it are changes to this object; an empty,
   * unmodifiable map when {@code status} is absent or not an object.
   */
  @JsonIgnore
  public Map<String, Object> getStatus() {
    return tree("status");
  }

  /**
   * Replaces {@code status} with {@code status}; fields of the old status that {@code status} lacks
   * are dropped. To keep fields this library does not write, merge first.
   */
  @JsonIgnore
  public void setStatus(Map<String, Object> status) {
    setAdditionalProperty("status", new LinkedHashMap<>(status));
  }

  /** {@code "<namespace>/<name>"}, as messages name the object. */
  public String key() {
    ObjectMeta metadata = getMetadata();
    String name = metadata == null ? null : metadata.getName();
    String namespace = metadata == null ? null : metadata.getNamespace();
    return Optional.ofNullable(namespace).orElse("default")
        + "/"
        + Optional.ofNullable(name).orElse("");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> tree(String key) {
    Object value = getAdditionalProperties().get(key);
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    return Map.of();
  }
}
