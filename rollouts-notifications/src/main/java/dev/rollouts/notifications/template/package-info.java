/**
 * A clean-room implementation of Go's {@code text/template} with the Sprig functions, the language
 * of Argo Rollouts' notification templates.
 *
 * <p>{@link dev.rollouts.notifications.template.TemplateEngine#go()} compiles; the result renders
 * over plain Java maps, lists, strings, Longs, Doubles and Booleans with Go's semantics: missing
 * keys print {@code <no value>}, floats print as Go's {@code %v} does, maps print sorted as {@code
 * map[k:v]}, {@code and}/{@code or} short-circuit, errors carry Go's messages. {@link
 * dev.rollouts.notifications.template.Json} is Go's {@code encoding/json} for such values.
 */
package dev.rollouts.notifications.template;
