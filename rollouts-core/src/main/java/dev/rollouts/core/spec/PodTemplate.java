package dev.rollouts.core.spec;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * The Rollout's pod template, opaque to the engine.
 *
 * <p>{@code hash} is a fingerprint of the template with the {@code rollouts-pod-template-hash}
 * label removed and the fields the API server defaults normalised. A ReplicaSet whose template has
 * the same fingerprint runs this template, whatever pod-template-hash label it carries, so
 * ReplicaSets created by Argo Rollouts are adopted rather than duplicated. A new ReplicaSet gets
 * {@code hash} as its pod-template-hash.
 *
 * @param hash the fingerprint; also the pod-template-hash of a ReplicaSet created for it
 * @param labels the template's labels, checked against the Rollout's selector
 */
public record PodTemplate(String hash, Map<String, String> labels) {

  /** Copies the labels. */
  public PodTemplate {
    labels = ImmutableMap.copyOf(labels);
  }
}
