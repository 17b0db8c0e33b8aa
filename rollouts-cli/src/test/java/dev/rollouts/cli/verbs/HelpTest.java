package dev.rollouts.cli.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

  @ParameterizedTest(name = "rollouts {0} --help")
  @ValueSource(
      strings = {
        "",
        "simulate",
        "controller",
        "get",
        "get rollout",
        "list",
        "list rollouts",
        "status",
        "promote",
        "abort",
        "retry",
        "retry rollout",
        "pause",
        "resume",
        "restart",
        "set",
        "set image",
        "undo",
        "version"
      })
  void everyCommandHasHelp(String command) {
    String[] args = (command + " --help").trim().split(" ");

    CliCluster.Result result = CliCluster.runBare(args);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("Usage: rollouts" + (command.isEmpty() ? "" : " " + command))
        .contains("-h, --help");
    assertThat(result.err()).isEmpty();
  }

  @ParameterizedTest(name = "rollouts {0} --help names the kubectl options")
  @ValueSource(strings = {"promote", "get rollout", "list rollouts", "status", "controller"})
  void clusterCommandsTakeKubectlsOptions(String command) {
    String help = CliCluster.runBare((command + " --help").split(" ")).out();

    assertThat(help)
        .contains("--kubeconfig=FILE")
        .contains("--context=NAME")
        .contains("-n, --namespace=NAMESPACE");
  }

  @ParameterizedTest(name = "rollouts {0}")
  @ValueSource(strings = {"version", "version --short", "--version"})
  void theVersionIsTheProjectVersion(String command) {
    CliCluster.Result result = CliCluster.runBare(command.split(" "));

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("(?s)rollouts:? v\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n.*");
  }

  @ParameterizedTest(name = "completion script")
  @ValueSource(strings = {"generate-completion"})
  void aBashCompletionScriptCanBeGenerated(String command) {
    CliCluster.Result result = CliCluster.runBare(command);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("complete -F _complete_rollouts")
        .contains("promote")
        .contains("simulate");
  }
}
