package dev.rollouts.kubernetes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.controller.ControllerPermissions;
import dev.rollouts.kubernetes.controller.LeaderElection;
import dev.rollouts.kubernetes.controller.RolloutController;
import dev.rollouts.kubernetes.sim.Faults.Served;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ControllerPermissions} are enough: every request the controller made through the shared
 * scenarios (with leader election on) is allowed by one of its rules.
 */
class PermissionsIT {

  static final Pattern PATH =
      Pattern.compile(
          "^/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/[^/]+)?/([^/?]+)(/[^/?]+)?(/[^/?]+)?(\\?.*)?$");

  /** {@code group resource verb} of a request, as RBAC sees it. */
  static String access(Served request) {
    Matcher m = PATH.matcher(request.path());
    if (!m.matches()) {
      throw new AssertionError("unexpected request path " + request.path());
    }
    String group = m.group(1) == null ? "" : m.group(1);
    String resource = m.group(2) + (m.group(4) == null ? "" : m.group(4));
    boolean named = m.group(3) != null;
    boolean watch = m.group(5) != null && m.group(5).contains("watch=true");
    String verb =
        switch (request.method()) {
          case "GET" -> watch ? "watch" : named ? "get" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> "delete";
          default -> request.method();
        };
    return group + " " + resource + " " + verb;
  }

  static boolean allowed(String access) {
    String[] p = access.split(" ", -1);
    List<ControllerPermissions.Rule> rules = new ArrayList<>(ControllerPermissions.managing());
    rules.add(ControllerPermissions.leaderElection());
    return rules.stream().anyMatch(r -> r.allows(p[0], p[1], p[2]));
  }

  @Test
  void everyRequestOfTheScenariosIsAllowedByTheRules() {
    ScenarioTable.Runner leading =
        (client, clock, rate, syncs) -> {
          if (client.namespaces().withName("rollouts-system").get() == null) {
            client
                .namespaces()
                .resource(
                    new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                        .withNewMetadata()
                        .withName("rollouts-system")
                        .endMetadata()
                        .build())
                .create();
          }
          RolloutController controller =
              RolloutController.builder(client)
                  .clock(clock, rate)
                  .metrics(syncs)
                  .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(500))
                  .leaderElection(
                      LeaderElection.builder()
                          .leaseNamespace("rollouts-system")
                          .retryPeriod(Duration.ofMillis(200))
                          .build())
                  .build();
          controller.start();
          return controller;
        };
    Set<String> made = new TreeSet<>();
    for (ScenarioTable.Scenario scenario :
        List.of(
            ScenarioTable.Scenario.BLUE_GREEN_PROMOTE, ScenarioTable.Scenario.ABORT_AND_RETRY)) {
      scenario.runAndListRequests(leading).stream()
          .map(PermissionsIT::access)
          // the runner itself creates the Lease's namespace (the simulated cluster requires it)
          .filter(a -> !a.startsWith(" namespaces "))
          .forEach(made::add);
    }

    assertThat(made)
        .as("what the controller did")
        .contains("argoproj.io rollouts watch", "apps replicasets create", " services patch");
    assertThat(made.stream().filter(a -> !allowed(a)).toList())
        .as("requests no rule allows")
        .isEmpty();
  }
}
