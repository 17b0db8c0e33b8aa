/**
 * The {@code rollouts} command: one class per verb, under {@link dev.rollouts.cli.Rollouts}.
 *
 * <p>Every verb prints its results on stdout and its problems on stderr, answers {@code --help},
 * and exits 0 when it did its job, 2 for bad usage or unreadable input, 1 for an internal error.
 */
package dev.rollouts.cli;
