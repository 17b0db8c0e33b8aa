package dev.rollouts.cli.verbs;

import dev.rollouts.cli.CliCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One in-process API server for the tests of a class; each test uses rollouts of its own. */
abstract class ClusterTest {

  static CliCluster cluster;

  @BeforeAll
  static void start() {
    cluster = CliCluster.start();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }
}
