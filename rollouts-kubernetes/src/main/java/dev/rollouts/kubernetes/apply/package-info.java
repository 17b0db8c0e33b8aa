/**
 * Decision → cluster: makes a {@link dev.rollouts.core.decision.Decision} true with the fewest
 * writes, in the order that keeps the availability bounds at every intermediate state.
 *
 * <p>Every write is optimistic: updates are JSON Patches that carry the {@code resourceVersion} the
 * decision was made from, so a write based on a stale read fails with 409 instead of undoing
 * somebody else's change; the caller reads again and decides again. Status goes only through the
 * status subresource, and fields of {@code status} this library does not write are kept.
 */
@RolloutsStyle
package dev.rollouts.kubernetes.apply;

import dev.rollouts.core.RolloutsStyle;
