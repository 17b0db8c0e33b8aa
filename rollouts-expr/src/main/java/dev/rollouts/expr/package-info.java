/**
 * Argo Rollouts' condition language: the expr-lang (github.com/expr-lang/expr, v1.17) that
 * AnalysisTemplate {@code successCondition} / {@code failureCondition} and notification trigger
 * {@code when} conditions use, with Argo's additional functions ({@code asInt}, {@code asFloat},
 * {@code isNaN}, {@code isInf}, {@code isNil}, {@code default}).
 *
 * <p>{@link dev.rollouts.expr.Expression} is the entry point ({@code parse} once, then {@code
 * evaluate} or {@code test} many times); {@link dev.rollouts.expr.Values#format} prints a value as
 * Go's {@code %v} does. Failures are {@link dev.rollouts.expr.ExpressionException}s: a {@link
 * dev.rollouts.expr.ExpressionSyntaxException} naming the line and column, or a {@link
 * dev.rollouts.expr.ExpressionEvaluationException} in expr's wording.
 *
 * <p>Everything else is package-private, one idea per file: {@code Lexer} and {@code Strings}
 * (tokens, Go's escapes), {@code Parser} with {@code Precedence} and {@code TokenCursor} (the
 * grammar), {@code Node} (the tree), {@code Compiler}, {@code Binaries} and {@code Predicates} (the
 * tree as closures), {@code Operators} and {@code Access} (Go's value rules), {@code Builtins} with
 * {@code Functions}, {@code ListFunctions}, {@code MoreFunctions}, {@code ArgoFunctions}, {@code
 * GoTimes}, {@code GoDurations}, {@code GoNumbers}, {@code Json}, {@code JsonReader} and {@code
 * Regexes} (the functions), {@code Printer} (the tree as text) and {@code Depth} (the nesting
 * limit).
 */
package dev.rollouts.expr;
