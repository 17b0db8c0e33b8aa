/**
 * What the engine writes: an {@code AnalysisRun}'s {@code status} as immutable values, with Argo
 * Rollouts' field names and phases, so that Argo's CLI, Argo CD and dashboards read it unchanged.
 */
@RolloutsStyle
package dev.rollouts.analysis.status;

import dev.rollouts.core.RolloutsStyle;
