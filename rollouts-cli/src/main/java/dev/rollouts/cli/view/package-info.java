/**
 * The rollout as {@code kubectl argo rollouts get rollout} shows it: a pure function from the
 * cluster objects (a Rollout, its ReplicaSets, their pods) to a model ({@link
 * dev.rollouts.cli.view.RolloutInfo}), and from the model to the familiar tree ({@link
 * dev.rollouts.cli.view.TreeView}) or to JSON ({@link dev.rollouts.cli.view.JsonView}).
 *
 * <p>The model holds timestamps, never ages, so two models are equal when nothing a reader cares
 * about has changed; ages are computed when rendering, from a {@link
 * dev.rollouts.cli.view.ViewTime}.
 */
@RolloutsStyle
package dev.rollouts.cli.view;

import dev.rollouts.core.RolloutsStyle;
