package dev.rollouts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LatestChangesTest {

  @Test
  void aSlowReaderFindsOneEntryPerRolloutInTheOrderOfTheirLastChange() throws Exception {
    LatestChanges changes = new LatestChanges(name -> true);
    for (int i = 0; i < 10_000; i++) {
      changes.changed("r" + (i % 3));
    }
    changes.changed("r0");

    assertThat(changes.size()).isEqualTo(3);
    assertThat(changes.take(0).keySet()).containsExactly("r1", "r2", "r0");
    assertThat(changes.size()).isZero();
  }

  @Test
  void theLastChangeWinsDeletedOrNot() throws Exception {
    LatestChanges changes = new LatestChanges(name -> true);
    changes.changed("a");
    changes.deleted("a");
    changes.deleted("b");
    changes.changed("b");

    assertThat(changes.take(0)).isEqualTo(Map.of("a", true, "b", false));
  }

  @Test
  void onlyTheWantedRolloutsAreRecorded() throws Exception {
    LatestChanges changes = new LatestChanges("web"::equals);
    changes.changed("api");
    changes.changed("web");

    assertThat(changes.take(0).keySet()).containsExactly("web");
  }

  @Test
  void closingEndsAWaitingTake() throws Exception {
    LatestChanges changes = new LatestChanges(name -> true);
    Thread closer = new Thread(changes::close);
    closer.start();

    assertThat(changes.take(60_000)).isEmpty();
    assertThat(changes.isClosed()).isTrue();
  }
}
