/**
 * The simulated Kubernetes cluster: an API server in this process that fabric8 clients and the real
 * {@code kubectl} use, with simulated ReplicaSet, Job, pod, endpoints, namespace and garbage
 * collection controllers. One module, used by {@code rollouts simulate}, by the adapter's
 * integration tests and by users' own tests.
 *
 * <h2>Entry points</h2>
 *
 * <ul>
 *   <li>{@link dev.rollouts.kubernetes.sim.SimulatedKubernetes}: start one ({@code
 *       SimulatedKubernetes.start()} or {@code builder()…start()}), take its {@code client()} or
 *       {@code newClient("user-agent")}, {@code createNamespace}, {@code kubeconfig(namespace)} for
 *       kubectl, {@code faults()} to inject errors and count requests, {@code pods()} to make an
 *       image never ready. Replaces rollouts-cli's {@code simulate.InProcessCluster} and
 *       rollouts-kubernetes' test {@code sim.TestCluster}'s in-process backend.
 *   <li>{@link dev.rollouts.kubernetes.sim.PodSimulator}: the one ReplicaSet/Job/pod simulator
 *       (started by the cluster; usable alone against any API server). Replaces {@code
 *       PodSimulator}/{@code SimulatedPods} of rollouts-cli and {@code
 *       SimulatedReplicaSetController} of rollouts-kubernetes' tests.
 *   <li>{@link dev.rollouts.kubernetes.sim.SimulatedKubernetesExtension}: the JUnit 5 extension
 *       ({@code @ExtendWith}, or {@code @RegisterExtension} with settings).
 *   <li>{@link dev.rollouts.kubernetes.sim.Faults}: injected faults and request counts (was {@code
 *       FaultInjectingDispatcher}).
 * </ul>
 *
 * <h2>The engine</h2>
 *
 * <p>The JDK's own HTTP server (no fabric8 mock server): thread per request, so a watch holds a
 * thread and nothing else; a store of immutable JSON trees with one revision counter, sorted per
 * namespace, indexed by label pair and owner uid; watches with their own queues, resumable from a
 * revision in the recent history (410 Gone before it). Everything else is package-private.
 */
package dev.rollouts.kubernetes.sim;
