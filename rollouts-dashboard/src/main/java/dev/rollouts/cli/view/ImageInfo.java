package dev.rollouts.cli.view;

import java.util.List;

/**
 * An image that runs, with the roles of the ReplicaSets that run it.
 *
 * @param image the image reference, as in the pod template
 * @param tags {@code stable}, {@code canary}, {@code active}, {@code preview}, sorted
 */
public record ImageInfo(String image, List<String> tags) {

  /** {@code image (tag, tag)}, or the image alone. */
  @Override
  public String toString() {
    return tags.isEmpty() ? image : image + " (" + String.join(", ", tags) + ")";
  }
}
