/**
 * What users write: {@code AnalysisTemplate}, {@code ClusterAnalysisTemplate} and {@code
 * AnalysisRun} specs as immutable values, field for field as Argo Rollouts' {@code
 * argoproj.io/v1alpha1} schema has them. Fields this library does not interpret are kept in {@code
 * extra()} maps, so that writing a value back loses nothing.
 */
@RolloutsStyle
package dev.rollouts.analysis.spec;

import dev.rollouts.core.RolloutsStyle;
