package dev.rollouts.kubernetes.sim;

import java.io.File;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a scenario runs: fabric8's in-process API server (always), or a real {@code kube-apiserver}
 * with etcd started by fabric8's kube-api-test, when its binaries are on this machine and the
 * library is on the class path ({@code mvn -Pkube-api-test}). A real API server checks what the
 * in-process one does not: the CRD's schema, the status subresource, namespaces, optimistic locking
 * of status writes. No controller-manager runs beside it, so the simulated ReplicaSet controller is
 * used with both.
 */
public enum Backend {
  /** fabric8's in-process API server in CRUD mode. */
  IN_PROCESS,
  /** A real kube-apiserver and etcd, started by fabric8 kube-api-test. */
  KUBE_API_TEST;

  static final String KUBE_API_SERVER = "io.fabric8.kubeapitest.KubeAPIServer";

  /** Why this backend cannot run here; empty when it can. */
  public Optional<String> unavailable() {
    if (this == IN_PROCESS) {
      return Optional.empty();
    }
    String dir =
        System.getenv()
            .getOrDefault("KUBE_API_TEST_DIR", System.getProperty("user.home") + "/.kubeapitest");
    if (!binariesPresent(dir)) {
      return Optional.of(
          "no kube-apiserver, etcd and kubectl binaries under "
              + dir
              + "/k8s/<version>-linux-amd64: the real-API-server variant is skipped");
    }
    try {
      Class.forName(KUBE_API_SERVER);
    } catch (ClassNotFoundException e) {
      return Optional.of(
          "kube-api-test is not on the test class path (build with -Pkube-api-test): the real-API-server variant is skipped");
    }
    return Optional.empty();
  }

  private static boolean binariesPresent(String dir) {
    File[] versions =
        new File(dir, "k8s")
            .listFiles(f -> f.isDirectory() && f.getName().endsWith("-linux-amd64"));
    return versions != null
        && Arrays.stream(versions)
            .anyMatch(
                v ->
                    new File(v, "kube-apiserver").canExecute()
                        && new File(v, "etcd").canExecute()
                        && new File(v, "kubectl").canExecute());
  }
}
