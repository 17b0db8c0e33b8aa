package dev.rollouts.traffic.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.traffic.ReplicaSetCounts;
import dev.rollouts.core.traffic.ReplicaSplit;
import dev.rollouts.core.traffic.WeightingRequest;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Argo Rollouts' own table for the basic canary (TestCalculateReplicaCountsForCanary) and for the
 * weighted target (TestApproximateWeightedNewStableReplicaCounts). Surge and unavailability are
 * given resolved, as the engine passes them; "-" means the ReplicaSet does not exist.
 */
class ReplicaCountWeightingTest {

  private final ReplicaCountWeighting weighting = new ReplicaCountWeighting();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          documented example: 10 replicas, 10%, surge 1, unavailable 1  | 10 | 10 | 1 | 1 | 10/10 | 0/0   | -   | 1  | 9
          does not count extra available pods beyond spec               | 10 | 100| 3 | 0 | 7/8   | 6/3   | -   | 6  | 7
          uses max surge to scale up the canary                         | 10 | 20 | 2 | 0 | 10/10 | 0/0   | -   | 2  | 10
          scales down extra stable replicas                             | 10 | 20 | 2 | 0 | 10/10 | 2/2   | -   | 2  | 8
          does not go past max surge                                    | 10 | 30 | 2 | 0 | 10/10 | 0/0   | -   | 2  | 10
          uses max unavailable to scale down stable                     | 10 | 20 | 0 | 2 | 10/10 | 0/0   | -   | 0  | 8
          does not go past max unavailable                              | 10 | 30 | 0 | 2 | 10/10 | 0/0   | -   | 0  | 8
          uses max surge and max unavailable together                   | 10 | 50 | 2 | 1 | 10/10 | 0/0   | -   | 2  | 9
          scales the canary to zero on weight 0                         | 10 | 0  | 1 | 1 | 10/10 | 1/1   | -   | 0  | 10
          scales stable to zero on weight 100                           | 10 | 100| 1 | 1 | 1/1   | 10/10 | -   | 10 | 0
          does not scale the canary to zero on a non-zero weight        | 1  | 20 | 1 | 0 | 1/1   | 0/0   | -   | 1  | 1
          does not scale the canary to zero on weight 90                | 1  | 90 | 1 | 0 | 1/1   | 0/0   | -   | 1  | 1
          scales up stable before the canary while older pods exist     | 10 | 30 | 1 | 0 | 1/1   | 0/0   | 3/3 | 1  | 7
          scales down canary and stable                                 | 10 | 30 | 0 | 3 | 8/5   | 4/4   | -   | 3  | 7
          scales down stable and canary by availability                 | 10 | 100| 1 | 0 | 10/2  | 10/8  | -   | 9  | 2
          leaves canary and stable while older pods cover the budget    | 10 | 30 | 0 | 1 | 8/6   | 4/2   | 3/3 | 4  | 8
          does not round past max surge with an uneven weight           | 10 | 5  | 0 | 1 | 10/10 | 0/0   | -   | 0  | 9
          does not round past max surge with an uneven weight, part 2   | 10 | 5  | 0 | 1 | 9/9   | 0/0   | -   | 1  | 9
          uses unavailable 1 when both percentages resolve to 0         | 10 | 10 | 0 | 1 | 10/10 | 0/0   | -   | 0  | 9
          honours surge while stable is unavailable                     | 4  | 100| 1 | 0 | 4/1   | 0/0   | -   | 1  | 4
          scales down to max unavailable without exceeding surge        | 3  | 99 | 0 | 2 | 3/3   | 0/0   | -   | 0  | 1
          scales down to max unavailable without exceeding surge, part 2| 3  | 99 | 0 | 2 | 1/1   | 0/0   | -   | 2  | 1
          honours unavailability while stable is unavailable            | 4  | 100| 1 | 0 | 4/1   | 1/1   | -   | 1  | 3
          honours unavailability when the weight drops, part 1          | 4  | 0  | 1 | 0 | 0/0   | 4/4   | -   | 4  | 1
          honours unavailability when the weight drops, part 2          | 4  | 0  | 1 | 0 | 1/0   | 4/4   | -   | 4  | 1
          honours unavailability when the weight drops, part 3          | 4  | 0  | 1 | 0 | 1/1   | 4/4   | -   | 3  | 1
          full promotion ignores the step weight                        | 4  | 100| 4 | 4 | 4/4   | 0/0   | -   | 4  | 0
          full promotion still honours surge and unavailability         | 4  | 100| 3 | 0 | 4/4   | 0/0   | -   | 3  | 4
          """)
  void splitsLikeArgosBasicCanary(
      String name,
      int replicas,
      int weight,
      int surge,
      int unavailable,
      String stable,
      String canary,
      String older,
      int expectedCanary,
      int expectedStable) {
    WeightingRequest.Builder request =
        WeightingRequest.builder()
            .replicas(replicas)
            .weight(weight)
            .maxSurge(surge)
            .maxUnavailable(unavailable)
            .stable(counts(stable))
            .canary(counts(canary));
    counts(older).ifPresent(request::addOlder);

    assertThat(weighting.split(request.build()))
        .isEqualTo(new ReplicaSplit(expectedCanary, expectedStable));
  }

  @ParameterizedTest(name = "{0} replicas, weight {1}, surge {2} -> canary {3}, stable {4}")
  @CsvSource({
    "0,0,0,0,0",
    "0,50,0,0,0",
    "0,100,0,0,0",
    "0,0,1,0,0",
    "0,50,1,0,0",
    "0,100,1,0,0",
    "1,0,0,0,1",
    "1,1,0,0,1",
    "1,49,0,0,1",
    "1,50,0,1,0",
    "1,99,0,1,0",
    "1,100,0,1,0",
    "1,0,1,0,1",
    "1,1,1,1,1",
    "1,49,1,1,1",
    "1,50,1,1,1",
    "1,99,1,1,1",
    "1,100,1,1,0",
    "2,0,0,0,2",
    "2,1,0,1,1",
    "2,50,0,1,1",
    "2,99,0,1,1",
    "2,100,0,2,0",
    "2,0,1,0,2",
    "2,1,1,1,2",
    "2,50,1,1,1",
    "2,99,1,2,1",
    "2,100,1,2,0",
    "3,10,0,1,2",
    "3,25,0,1,2",
    "3,33,0,1,2",
    "3,34,0,1,2",
    "3,49,0,1,2",
    "3,50,0,2,1",
    "3,10,1,1,3",
    "3,25,1,1,3",
    "3,33,1,1,2",
    "3,34,1,1,2",
    "3,49,1,2,2",
    "3,50,1,2,2",
    "10,0,1,0,10",
    "10,1,0,1,9",
    "10,14,0,1,9",
    "10,15,0,2,8",
    "10,16,0,2,8",
    "10,99,0,9,1",
    "10,100,1,10,0",
    "10,1,1,1,10",
    "10,18,1,2,9",
    "10,19,1,2,9",
    "10,20,1,2,8",
    "10,23,1,2,8",
    "10,24,1,3,8",
    "10,25,1,3,8",
    "10,99,1,10,1"
  })
  void approximatesTheWeightLikeArgo(int replicas, int weight, int surge, int canary, int stable) {
    assertThat(WeightedTarget.of(replicas, weight, surge))
        .isEqualTo(new ReplicaSplit(canary, stable));
  }

  private static Optional<ReplicaSetCounts> counts(String specSlashAvailable) {
    if (specSlashAvailable.equals("-")) {
      return Optional.empty();
    }
    String[] parts = specSlashAvailable.split("/");
    return Optional.of(
        new ReplicaSetCounts(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
  }
}
