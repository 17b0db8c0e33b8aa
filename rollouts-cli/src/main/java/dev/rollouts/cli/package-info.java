/**
 * The {@code rollouts} command: one class per verb, under {@link dev.rollouts.cli.Rollouts}.
 *
 * <p>Every verb prints its results on stdout and its problems on stderr, answers {@code --help},
 * and exits 0 when it did its job, 2 for bad usage or unreadable input, 1 when it failed at run
 * time (a rollout not found, a cluster not reached, a Degraded rollout for {@code status}) or on an
 * internal error. Verbs that talk to a cluster take kubectl's {@code --kubeconfig}, {@code
 * --context} and {@code -n/--namespace} ({@link dev.rollouts.cli.ClusterOptions}).
 */
package dev.rollouts.cli;
