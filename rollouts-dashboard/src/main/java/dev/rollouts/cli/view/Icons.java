package dev.rollouts.cli.view;

import java.util.Map;

/** The icons and colours of Argo's {@code kubectl argo rollouts} plug-in. */
final class Icons {

  private Icons() {}

  static final String ROLLOUT = "⟳";
  static final String REVISION = "#";
  static final String REPLICA_SET = "⧉";
  static final String POD = "□";

  static final String PROGRESSING = "◌";
  static final String WARNING = "⚠";
  static final String UNKNOWN = "?";
  static final String OK = "✔";
  static final String BAD = "✖";
  static final String PAUSED = "॥";
  static final String NEUTRAL = "•";

  private static final int RED = 31;
  private static final int GREEN = 32;
  private static final int YELLOW = 33;
  private static final int HI_BLUE = 94;

  /** ANSI colours of icons and role tags. */
  private static final Map<String, Integer> COLOURS =
      Map.of(
          PROGRESSING,
          HI_BLUE,
          WARNING,
          RED,
          UNKNOWN,
          YELLOW,
          OK,
          GREEN,
          BAD,
          RED,
          "canary",
          YELLOW,
          "stable",
          GREEN,
          "active",
          GREEN,
          "preview",
          HI_BLUE);

  static String ofRollout(String phase) {
    return switch (phase) {
      case "Progressing" -> PROGRESSING;
      case "Error", "InvalidSpec" -> WARNING;
      case "Paused" -> PAUSED;
      case "Healthy" -> OK;
      case "Degraded" -> BAD;
      case "ScaledDown" -> NEUTRAL;
      default -> UNKNOWN;
    };
  }

  static String ofReplicaSet(String status) {
    return switch (status) {
      case "Progressing" -> PROGRESSING;
      case "Healthy" -> OK;
      case "ReplicaFailure" -> BAD;
      case "ScaledDown" -> NEUTRAL;
      default -> " ";
    };
  }

  static String ofPod(String status) {
    if (status.startsWith("Init:")) {
      return PROGRESSING;
    }
    if (status.startsWith("Signal:") || status.startsWith("ExitCode:")) {
      return BAD;
    }
    if (status.endsWith("Error") || status.startsWith("Err")) {
      return WARNING;
    }
    return switch (status) {
      case "Pending", "Terminating", "ContainerCreating" -> PROGRESSING;
      case "Running", "Completed" -> OK;
      case "Failed", "InvalidImageName", "CrashLoopBackOff" -> BAD;
      case "ImagePullBackOff", "RegistryUnavailable" -> WARNING;
      case "Unknown" -> UNKNOWN;
      default -> " ";
    };
  }

  /** {@code text} in the colour of {@code key} (an icon or a tag), or as it is. */
  static String colour(String text, String key, boolean colour) {
    Integer code = COLOURS.get(key);
    if (!colour || code == null) {
      return text;
    }
    return "\u001b[" + code + "m" + text + "\u001b[0m";
  }
}
