package dev.rollouts.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  final WorkQueue queue = new WorkQueue(Duration.ofMillis(10), Duration.ofMillis(100), timer);

  @AfterEach
  void stop() {
    queue.shutDown();
    timer.shutdownNow();
  }

  @Test
  void aKeyAddedTwiceWaitsOnce() throws InterruptedException {
    queue.add("shop/web");
    queue.add("shop/web");
    queue.add("shop/api");

    assertThat(queue.length()).isEqualTo(2);
    assertThat(queue.take()).isEqualTo("shop/web");
    assertThat(queue.take()).isEqualTo("shop/api");
  }

  @Test
  void aKeyBeingProcessedIsHandedOutAgainOnlyAfterItIsDone() throws InterruptedException {
    queue.add("shop/web");
    String taken = queue.take();

    queue.add("shop/web");
    assertThat(queue.length()).as("not handed to a second worker while processed").isZero();

    queue.done(taken);
    assertThat(queue.length()).as("added meanwhile, so queued again").isEqualTo(1);
  }

  @Test
  void aFailingKeyBacksOffExponentiallyUpToTheCapUntilForgotten() {
    assertThat(queue.addRateLimited("k")).isEqualTo(Duration.ofMillis(10));
    assertThat(queue.addRateLimited("k")).isEqualTo(Duration.ofMillis(20));
    assertThat(queue.addRateLimited("k")).isEqualTo(Duration.ofMillis(40));
    assertThat(queue.addRateLimited("k")).isEqualTo(Duration.ofMillis(80));
    assertThat(queue.addRateLimited("k")).isEqualTo(Duration.ofMillis(100));
    for (int i = 0; i < 40; i++) {
      queue.addRateLimited("k");
    }
    assertThat(queue.addRateLimited("k")).isEqualTo(Duration.ofMillis(100));

    queue.forget("k");

    assertThat(queue.failures("k")).isZero();
    assertThat(queue.addRateLimited("k")).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void aDelayedKeyArrives() throws InterruptedException {
    queue.addAfter("shop/web", Duration.ofMillis(5));

    assertThat(queue.take()).isEqualTo("shop/web");
  }

  @Test
  void clearingDropsWaitingKeysAndShutDownReleasesWorkers() throws InterruptedException {
    queue.add("a");
    queue.clear();
    assertThat(queue.length()).isZero();

    queue.shutDown();
    assertThat(queue.take()).isNull();
  }
}
