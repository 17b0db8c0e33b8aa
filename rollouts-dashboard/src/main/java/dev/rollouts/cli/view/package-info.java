/**
 * The model of {@code kubectl argo rollouts get rollout}: a pure function from the cluster objects
 * (a Rollout, its ReplicaSets, their pods) to a {@link dev.rollouts.cli.view.RolloutInfo}, shared
 * by the {@code rollouts} command (which renders it as a tree or JSON) and the dashboard.
 *
 * <p>This package lives in two modules: the model here in {@code rollouts-dashboard}, its text
 * renderers in {@code rollouts-cli}, which depends on this module.
 */
@RolloutsStyle
package dev.rollouts.cli.view;

import dev.rollouts.core.RolloutsStyle;
