package dev.rollouts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class NamespaceCacheTest {

  @Test
  void aMissingAnalysisRunCrdIsRecognisedThroughFabric8sCompletionException() {
    // fabric8's Reflector hands the exception handler the list's CompletionException
    var missingCrd = new CompletionException(new KubernetesClientException("not found", 404, null));

    assertThat(NamespaceCache.notFound(missingCrd)).isTrue();
    assertThat(NamespaceCache.notFound(new KubernetesClientException("not found", 404, null)))
        .isTrue();
  }

  @Test
  void otherFailuresAreRetried() {
    assertThat(
            NamespaceCache.notFound(
                new CompletionException(new KubernetesClientException("forbidden", 403, null))))
        .isFalse();
    assertThat(NamespaceCache.notFound(new IllegalStateException("connection refused"))).isFalse();
  }
}
