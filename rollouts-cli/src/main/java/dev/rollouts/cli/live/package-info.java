/**
 * Watching Rollouts live: informers that keep the Rollouts, ReplicaSets and pods of a namespace
 * ({@link dev.rollouts.cli.live.RolloutWatch}), and the ways to show them as they change ({@link
 * dev.rollouts.cli.live.Screen}): redrawn in place on a terminal, successive snapshots otherwise,
 * or one JSON object per change.
 */
package dev.rollouts.cli.live;
