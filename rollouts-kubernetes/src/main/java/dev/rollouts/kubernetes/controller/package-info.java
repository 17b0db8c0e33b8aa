/**
 * The Rollouts controller on a real cluster: shared informers, one work queue keyed by Rollout,
 * workers, retries with backoff, leader election, events and metrics around the engine.
 *
 * <p>Start with {@link dev.rollouts.kubernetes.controller.RolloutController#builder}.
 */
@RolloutsStyle
package dev.rollouts.kubernetes.controller;

import dev.rollouts.core.RolloutsStyle;
