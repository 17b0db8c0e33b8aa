package dev.rollouts.kubernetes.mapping;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The fingerprint of a pod template: the core's {@code PodTemplate.hash} and {@code
 * ObservedReplicaSet.templateHash}, and the {@value Annotations#POD_TEMPLATE_HASH_LABEL} of a
 * ReplicaSet this library creates.
 *
 * <p>The rule: normalise the template, write it as canonical JSON (keys sorted, compact), take the
 * FNV-32a hash of the UTF-8 bytes, write the unsigned 32-bit result in decimal and encode each
 * digit with Kubernetes' {@code SafeEncodeString} alphabet {@code bcdfghjklmnpqrstvwxz2456789}, as
 * Argo Rollouts encodes its hashes. The result is 1 to 10 characters with no vowels ({@code
 * 7bb4fbc896}).
 *
 * <p>Normalising makes a template as written in a Rollout and the same template as the API server
 * stores it in a ReplicaSet (with the defaults it fills in) give the same fingerprint, so a
 * ReplicaSet Argo Rollouts created for a template is recognised whatever hash label it carries. It
 * removes:
 *
 * <ul>
 *   <li>the {@value Annotations#POD_TEMPLATE_HASH_LABEL} label;
 *   <li>nulls, empty lists and empty objects ({@code securityContext: {}}, {@code resources: {}},
 *       {@code creationTimestamp: null}), except an empty volume source ({@code emptyDir: {}});
 *   <li>pod defaults equal to their default: {@code restartPolicy: Always}, {@code dnsPolicy:
 *       ClusterFirst}, {@code terminationGracePeriodSeconds: 30}, {@code schedulerName:
 *       default-scheduler}; the deprecated {@code serviceAccount} is folded into {@code
 *       serviceAccountName};
 *   <li>container defaults, in {@code containers}, {@code initContainers} and {@code
 *       ephemeralContainers}: {@code terminationMessagePath: /dev/termination-log}, {@code
 *       terminationMessagePolicy: File}, {@code imagePullPolicy} when it is the default for the
 *       image ({@code Always} for an untagged or {@code :latest} image, else {@code IfNotPresent}),
 *       {@code protocol: TCP} on ports, probe {@code timeoutSeconds: 1}, {@code periodSeconds: 10},
 *       {@code successThreshold: 1}, {@code failureThreshold: 3}, {@code httpGet.scheme: HTTP}
 *       (also in lifecycle hooks), {@code fieldRef.apiVersion: v1};
 *   <li>volume defaults: {@code defaultMode: 420} on secret, configMap, downwardAPI and projected
 *       volumes, {@code fieldRef.apiVersion: v1}, {@code expirationSeconds: 3600} on projected
 *       service-account tokens, {@code hostPath.type: ""};
 *   <li>the anti-affinity terms a controller injects against the stable ReplicaSet (terms on {@code
 *       kubernetes.io/hostname} that select by {@value Annotations#POD_TEMPLATE_HASH_LABEL}).
 * </ul>
 *
 * <p>and it writes resource quantities ({@code limits}, {@code requests}, {@code
 * emptyDir.sizeLimit}) as the exact number they stand for, so {@code cpu: 0.5}, {@code "500m"} and
 * {@code "0.5"} are one value. Everything else counts: a changed image, label, annotation or
 * environment variable gives a different fingerprint.
 *
 * <p>Example: {@code {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image:
 * nginx:1.25}]}}} and the same template with {@code imagePullPolicy: IfNotPresent}, {@code
 * terminationMessagePath: /dev/termination-log}, {@code restartPolicy: Always}, {@code
 * securityContext: {}} and the label {@code rollouts-pod-template-hash: 6b9b86fbd5} have the same
 * fingerprint; with {@code image: nginx:1.26} it differs.
 */
public final class PodTemplateHash {

  private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
  private static final int FNV_OFFSET_BASIS = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private PodTemplateHash() {}

  /** The fingerprint of a template given as a JSON tree ({@code spec.template} of a Rollout). */
  public static String of(Map<String, ?> template) {
    return encode(fnv32a(canonicalJson(template)));
  }

  /** The fingerprint of a fabric8 pod template. */
  public static String of(PodTemplateSpec template) {
    return of(KubeJson.toTree(template));
  }

  /**
   * The fingerprint of a ReplicaSet's pod template, without the labels and annotations Argo
   * Rollouts added to it from {@code canaryMetadata} or {@code stableMetadata} (recorded in the
   * {@value Annotations#EPHEMERAL_METADATA} annotation).
   */
  public static String ofReplicaSet(ReplicaSet replicaSet) {
    if (replicaSet.getSpec() == null || replicaSet.getSpec().getTemplate() == null) {
      return of(Map.of());
    }
    Map<String, Object> template = KubeJson.toTree(replicaSet.getSpec().getTemplate());
    EphemeralMetadata.remove(replicaSet, template);
    return of(template);
  }

  /** The canonical JSON of the normalised template: what is hashed. */
  static String canonicalJson(Map<String, ?> template) {
    return CanonicalJson.write(TemplateNormalizer.normalize(template));
  }

  /** FNV-32a of the UTF-8 bytes of {@code text}. */
  static int fnv32a(String text) {
    int hash = FNV_OFFSET_BASIS;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return hash;
  }

  /** Kubernetes' {@code SafeEncodeString} of the unsigned decimal form of {@code hash}. */
  static String encode(int hash) {
    String decimal = Integer.toUnsignedString(hash);
    StringBuilder encoded = new StringBuilder(decimal.length());
    for (char c : decimal.toCharArray()) {
      encoded.append(ALPHANUMS.charAt(c % ALPHANUMS.length()));
    }
    return encoded.toString();
  }
}
