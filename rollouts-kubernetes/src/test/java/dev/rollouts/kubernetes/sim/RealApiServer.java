package dev.rollouts.kubernetes.sim;

/**
 * A real kube-apiserver and etcd, started through fabric8 kube-api-test by reflection, so that the
 * default build needs neither the library nor its binaries. Offline: the binaries must already be
 * under {@code ~/.kubeapitest} (or {@code $KUBE_API_TEST_DIR}); nothing is downloaded.
 */
final class RealApiServer implements AutoCloseable {

  private final Object server;
  private final String kubeConfigYaml;

  private RealApiServer(Object server, String kubeConfigYaml) {
    this.server = server;
    this.kubeConfigYaml = kubeConfigYaml;
  }

  /** Starts the API server; see {@link Backend#unavailable()} for when this can work. */
  static RealApiServer start() {
    try {
      Class<?> builderType = Class.forName("io.fabric8.kubeapitest.KubeAPIServerConfigBuilder");
      Object builder = builderType.getMethod("anAPIServerConfig").invoke(null);
      builder = builderType.getMethod("withOfflineMode", boolean.class).invoke(builder, true);
      builder = builderType.getMethod("withUpdateKubeConfig", boolean.class).invoke(builder, false);
      Object config = builderType.getMethod("build").invoke(builder);
      Class<?> serverType = Class.forName(Backend.KUBE_API_SERVER);
      Object server =
          serverType
              .getConstructor(Class.forName("io.fabric8.kubeapitest.KubeAPIServerConfig"))
              .newInstance(config);
      serverType.getMethod("start").invoke(server);
      return new RealApiServer(
          server, (String) serverType.getMethod("getKubeConfigYaml").invoke(server));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("kube-api-test could not start a kube-apiserver: " + e, e);
    }
  }

  /** A kubeconfig for the server. */
  String kubeConfigYaml() {
    return kubeConfigYaml;
  }

  @Override
  public void close() {
    try {
      server.getClass().getMethod("stop").invoke(server);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
