package dev.rollouts.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class PodInfosTest {

  static PodBuilder pod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("web-1")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("a")
        .endContainer()
        .endSpec();
  }

  @Test
  void aRunningReadyPodIsRunningWithAllContainersReady() {
    Pod pod =
        pod()
            .withNewStatus()
            .withPhase("Running")
            .addNewContainerStatus()
            .withReady(true)
            .withNewState()
            .withNewRunning()
            .endRunning()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
    assertThat(PodInfos.of(pod))
        .extracting(PodInfo::status, PodInfo::ready, PodInfo::icon)
        .containsExactly("Running", "1/1", "✔");
  }

  @Test
  void aWaitingContainersReasonIsThePodsStatus() {
    Pod pod =
        pod()
            .withNewStatus()
            .withPhase("Running")
            .addNewContainerStatus()
            .withReady(false)
            .withRestartCount(3)
            .withNewState()
            .withNewWaiting()
            .withReason("CrashLoopBackOff")
            .endWaiting()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
    assertThat(PodInfos.of(pod))
        .extracting(PodInfo::status, PodInfo::ready, PodInfo::restarts, PodInfo::icon)
        .containsExactly("CrashLoopBackOff", "0/1", 3, "✖");
  }

  @Test
  void aPodBeingDeletedIsTerminating() {
    Pod pod =
        pod()
            .editMetadata()
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .endMetadata()
            .withNewStatus()
            .withPhase("Running")
            .endStatus()
            .build();
    assertThat(PodInfos.of(pod))
        .extracting(PodInfo::status, PodInfo::icon)
        .containsExactly("Terminating", "◌");
  }

  @Test
  void aTerminatedContainerWithoutReasonShowsItsExitCode() {
    Pod pod =
        pod()
            .withNewStatus()
            .withPhase("Failed")
            .addNewContainerStatus()
            .withNewState()
            .withNewTerminated()
            .withExitCode(137)
            .endTerminated()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
    assertThat(PodInfos.of(pod).status()).isEqualTo("ExitCode:137");
  }
}
