/**
 * The Ingress NGINX traffic router: weights a canary with a canary Ingress cloned from each stable
 * Ingress and NGINX's {@code canary}, {@code canary-weight} and {@code canary-weight-total}
 * annotations, as Argo Rollouts' {@code nginx} router does.
 *
 * <p>{@link dev.rollouts.traffic.nginx.NginxTrafficRouter} is the only public type. It is pure: the
 * Rollout's {@code trafficRouting.nginx} block, the weight and the observed Ingresses in; the
 * canary Ingresses it wants, whole, out. Everything else here is a package-private helper with one
 * rule each: the canary Ingress's name and spec ({@code CanaryIngressBuilder}), the annotations it
 * carries ({@code CanaryAnnotations}), the header routes ({@code HeaderRouteAnnotations}), which
 * annotations are ours ({@code ManagedAnnotations}) and who controls an Ingress ({@code
 * Ownership}).
 */
@RolloutsStyle
package dev.rollouts.traffic.nginx;

import dev.rollouts.core.RolloutsStyle;
