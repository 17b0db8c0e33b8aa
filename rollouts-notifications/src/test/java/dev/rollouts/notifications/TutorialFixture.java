package dev.rollouts.notifications;

import java.util.Map;

/** The tutorial's configuration and a canary Rollout, for tests in other packages. */
public final class TutorialFixture {

  private TutorialFixture() {}

  public static NotificationConfig config() {
    return Fixtures.tutorial();
  }

  public static Map<String, Object> canary() {
    return Fixtures.canary();
  }
}
