/**
 * Argo Rollouts' condition language: the subset of expr-lang (github.com/expr-lang/expr) that
 * AnalysisTemplate {@code successCondition} / {@code failureCondition} and notification trigger
 * {@code when} conditions use, with Argo's additional functions ({@code asInt}, {@code asFloat},
 * {@code isNaN}, {@code isInf}, {@code isNil}, {@code default}).
 *
 * <p>{@link dev.rollouts.expr.Expression} is the entry point ({@code parse}, then {@code evaluate}
 * or {@code test}); {@link dev.rollouts.expr.Values#format} prints a value as Go does. Failures are
 * {@link dev.rollouts.expr.ExpressionException}s. Everything else here is package-private.
 */
package dev.rollouts.expr;
