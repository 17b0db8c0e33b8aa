/**
 * {@code rollouts simulate}: the whole product on a laptop with no cluster. fabric8's in-process
 * Kubernetes API server ({@link dev.rollouts.cli.simulate.InProcessCluster}), simulated pods
 * ({@link dev.rollouts.cli.simulate.PodSimulator}), the real controller on a clock that runs {@code
 * --speed} times faster ({@link dev.rollouts.cli.simulate.SimulatedClock}), and a script of what a
 * user does ({@link dev.rollouts.cli.simulate.Scenario}), shown live.
 */
package dev.rollouts.cli.simulate;
