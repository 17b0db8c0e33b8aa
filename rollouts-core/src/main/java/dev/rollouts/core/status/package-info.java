/**
 * {@code status} of a Rollout, field for field as Argo Rollouts writes it, so that tools that read
 * an Argo Rollout's status read ours.
 */
@RolloutsStyle
package dev.rollouts.core.status;

import dev.rollouts.core.RolloutsStyle;
