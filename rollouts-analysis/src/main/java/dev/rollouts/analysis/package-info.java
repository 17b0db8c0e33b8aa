/**
 * The pure AnalysisRun engine: {@link dev.rollouts.analysis.AnalysisRunEngine} takes a run, {@code
 * now} and the results of the measurements it asked for, and returns the new status, events, the
 * measurements to take next and when to look again, following Argo Rollouts' {@code
 * reconcileAnalysisRun} ({@code analysis/analysis.go}) rule for rule. No I/O, no clock.
 */
@RolloutsStyle
package dev.rollouts.analysis;

import dev.rollouts.core.RolloutsStyle;
