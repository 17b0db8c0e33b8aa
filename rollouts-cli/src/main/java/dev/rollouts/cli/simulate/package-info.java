/**
 * {@code rollouts simulate}: the whole product on a laptop with no cluster. The simulated cluster
 * of rollouts-kubernetes-sim ({@link dev.rollouts.kubernetes.sim.SimulatedKubernetes}: an API
 * server kubectl uses, with simulated pods), the real controller on a clock that runs {@code
 * --speed} times faster ({@link dev.rollouts.cli.simulate.SimulatedClock}), and a script of what a
 * user does ({@link dev.rollouts.cli.simulate.Scenario}), shown live.
 */
package dev.rollouts.cli.simulate;
