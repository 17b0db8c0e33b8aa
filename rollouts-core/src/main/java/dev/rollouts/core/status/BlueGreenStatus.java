package dev.rollouts.core.status;

import java.util.Optional;

/**
 * {@code status.blueGreen}.
 *
 * @param activeSelector the pod-template hash the active Service selects
 * @param previewSelector the pod-template hash the preview Service selects
 * @param scaleUpPreviewCheckPoint whether the preview was scaled to full before promotion
 */
public record BlueGreenStatus(
    Optional<String> activeSelector,
    Optional<String> previewSelector,
    boolean scaleUpPreviewCheckPoint) {

  /** No blue-green status. */
  public static BlueGreenStatus empty() {
    return new BlueGreenStatus(Optional.empty(), Optional.empty(), false);
  }
}
