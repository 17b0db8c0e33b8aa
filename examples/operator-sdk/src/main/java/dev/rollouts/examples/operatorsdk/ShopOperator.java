package dev.rollouts.examples.operatorsdk;

import dev.rollouts.kubernetes.controller.LeaderElection;
import dev.rollouts.operatorsdk.RolloutReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A host's existing java-operator-sdk operator, with Rollouts added: the three lines marked below
 * are all it takes.
 *
 * <pre>
 *   mvn -pl examples/operator-sdk -am package -DskipTests
 *   java -cp ... dev.rollouts.examples.operatorsdk.ShopOperator my-namespace
 * </pre>
 */
public final class ShopOperator {

  private ShopOperator() {}

  /**
   * The operator, not started: the host's {@link GreetingReconciler} and the Rollouts reconciler
   * (built by {@code rollouts}), with leader election on {@code lease} if given.
   */
  public static Operator create(
      KubernetesClient client,
      UnaryOperator<RolloutReconciler.Builder> rollouts,
      java.util.Optional<LeaderElection> lease) {
    RolloutReconciler reconciler = rollouts.apply(RolloutReconciler.builder()).build(); // 1
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client);
              lease
                  .map(reconciler::leaderElection)
                  .ifPresent(o::withLeaderElectionConfiguration); // 2
            });
    operator.register(new GreetingReconciler());
    reconciler.registerWith(operator); // 3
    return operator;
  }

  /** Runs the operator against the kubeconfig's cluster, electing a leader in {@code args[0]}. */
  public static void main(String[] args) {
    KubernetesClient client = new KubernetesClientBuilder().build();
    String namespace = args.length > 0 ? args[0] : "default";
    Operator operator =
        create(
            client,
            b -> b,
            java.util.Optional.of(LeaderElection.builder().leaseNamespace(namespace).build()));
    operator.installShutdownHook(Duration.ofSeconds(10));
    operator.start();
  }
}
