package dev.rollouts.core.spec;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * {@code activeMetadata} / {@code previewMetadata}: labels and annotations added to the pods of the
 * ReplicaSet in that role.
 *
 * @param labels labels to add
 * @param annotations annotations to add
 */
public record PodMetadata(Map<String, String> labels, Map<String, String> annotations) {

  /** Copies both maps. */
  public PodMetadata {
    labels = ImmutableMap.copyOf(labels);
    annotations = ImmutableMap.copyOf(annotations);
  }
}
