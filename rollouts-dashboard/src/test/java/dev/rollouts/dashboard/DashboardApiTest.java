package dev.rollouts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollouts.cli.view.Tree;
import dev.rollouts.kubernetes.crd.RolloutResource;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route of Argo's dashboard API ({@code pkg/apiclient/rollout/rollout.proto}) against the
 * in-process API server, with a canary paused at its {@code pause: {}} step.
 */
class DashboardApiTest {

  static final String NS = "shop";
  static final Duration WAIT = Duration.ofSeconds(10);
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00.700Z");

  ApiCluster cluster;
  RolloutResource web;
  DashboardServer dashboard;
  Browser browser;

  @BeforeEach
  void start() {
    cluster = new ApiCluster();
    web = cluster.pausedCanary(NS, "web");
    dashboard = start(DashboardServer.builder(cluster.client).namespace(NS));
  }

  DashboardServer start(DashboardServer.Builder builder) {
    DashboardServer server =
        builder
            .port(0)
            .version("1.2.3")
            .keepAlive(Duration.ofMillis(200))
            .informerLinger(Duration.ZERO)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .start();
    browser = new Browser(server.url().resolve("/"));
    return server;
  }

  @AfterEach
  void stop() {
    dashboard.close();
    cluster.close();
  }

  @Test
  void slashRedirectsToTheRootPath() {
    HttpResponse<String> response = browser.get("/");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("/rollouts/");
  }

  @ParameterizedTest(name = "GET {0} is the page, its base href the root path")
  @ValueSource(strings = {"/rollouts/", "/rollouts/shop", "/rollouts/rollout/shop/web"})
  void everyPagePathGetsIndexHtmlWithTheBaseHref(String path) {
    HttpResponse<String> response = browser.get(path);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(response.body()).contains("<base href=\"/rollouts/\">");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void theScriptsAreJavaScriptModulesAndAMissingFileIsNotFound() {
    HttpResponse<String> app = browser.get("/rollouts/app.js");

    assertThat(app.statusCode()).isEqualTo(200);
    assertThat(app.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(app.body()).contains("import");
    assertThat(browser.get("/rollouts/nothing.js").statusCode()).isEqualTo(404);
    assertThat(browser.get("/rollouts/%2E%2E/pom.xml").statusCode()).isEqualTo(404);
    assertThat(browser.get("/elsewhere").statusCode()).isEqualTo(404);
  }

  @Test
  void anotherRootPathMovesTheUiAndTheApi() {
    dashboard.close();
    dashboard = start(DashboardServer.builder(cluster.client).namespace(NS).rootPath("/ui/"));

    assertThat(browser.get("/").headers().firstValue("Location")).contains("/ui/");
    assertThat(browser.get("/ui/").body()).contains("<base href=\"/ui/\">");
    assertThat(browser.get("/ui/api/v1/version").statusCode()).isEqualTo(200);
    assertThat(browser.get("/rollouts/").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest(name = "GET {0}rollouts/shop/info")
  @ValueSource(strings = {"/rollouts/api/v1/", "/api/v1/"})
  void theListHasEachRolloutWithItsReplicaSetsAndPods(String api) {
    HttpResponse<String> response = browser.get(api + "rollouts/shop/info");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode list = Browser.json(response).get("rollouts");
    assertThat(list).hasSize(1);
    JsonNode info = list.get(0);
    assertThat(info.at("/objectMeta/name").asText()).isEqualTo("web");
    assertThat(info.at("/objectMeta/labels/team").asText()).isEqualTo("shop");
    assertThat(info.get("status").asText()).isEqualTo("Paused");
    assertThat(info.get("message").asText()).isEqualTo("CanaryPauseStep");
    assertThat(info.get("strategy").asText()).isEqualTo("Canary");
    assertThat(info.get("step").asText()).isEqualTo("1/3");
    assertThat(info.get("setWeight").isTextual())
        .as("setWeight is a string, as in the proto")
        .isTrue();
    assertThat(info.get("setWeight").asText()).isEqualTo("20");
    assertThat(info.get("desired").asInt()).isEqualTo(5);
    JsonNode canary = info.get("replicaSets").get(0);
    assertThat(canary.get("revision").isNumber()).isTrue();
    assertThat(canary.get("revision").asLong()).isEqualTo(2);
    assertThat(canary.get("canary").asBoolean()).isTrue();
    assertThat(canary.has("stable")).as("omitempty leaves out false").isFalse();
    assertThat(canary.get("template").asText()).isEqualTo("bbb");
    assertThat(canary.get("pods")).hasSize(1);
    assertThat(canary.at("/pods/0/status").asText()).isEqualTo("Running");
    assertThat(canary.at("/pods/0/ready").asText()).isEqualTo("1/1");
    assertThat(info.get("replicaSets").get(1).get("pods")).hasSize(4);
    assertThat(info.has("steps")).as("the list is shallow").isFalse();
    assertThat(info.has("analysisRuns")).isFalse();
  }

  @Test
  void oneRolloutHasItsStepsContainersAndAnalysisRuns() {
    cluster.analysisRun(web);

    JsonNode info = Browser.json(browser.get("/rollouts/api/v1/rollouts/shop/web/info"));

    assertThat(info.get("steps")).hasSize(3);
    assertThat(info.at("/steps/0/setWeight").asInt()).isEqualTo(20);
    assertThat(info.at("/containers/0/name").asText()).isEqualTo("demo");
    assertThat(info.at("/containers/0/image").asText()).isEqualTo("argoproj/rollouts-demo:yellow");
    assertThat(info.get("restartedAt").asText()).isEqualTo("Never");
    JsonNode run = info.at("/analysisRuns/0");
    assertThat(run.get("status").asText()).isEqualTo("Successful");
    assertThat(run.get("revision").asLong()).isEqualTo(2);
    assertThat(run.get("successful").asInt()).isEqualTo(3);
    assertThat(run.at("/metrics/0/measurements/0/value").asText()).isEqualTo("[0.99]");
    assertThat(run.at("/specAndStatus/spec/metrics/0/successCondition").asText())
        .isEqualTo("result[0] >= 0.95");
  }

  @Test
  void anUnknownRolloutIsNotFoundAsJson() {
    HttpResponse<String> response = browser.get("/rollouts/api/v1/rollouts/shop/nope/info");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = Browser.json(response);
    assertThat(error.get("code").asInt()).as("gRPC NotFound").isEqualTo(5);
    assertThat(error.get("message").asText())
        .isEqualTo("rollout \"nope\" not found in namespace \"shop\"");
    assertThat(browser.get("/rollouts/api/v1/rollouts/shop/nope/info/watch").statusCode())
        .isEqualTo(404);
    assertThat(browser.get("/rollouts/api/v1/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void theNamespaceAndVersion() {
    JsonNode namespace = Browser.json(browser.get("/rollouts/api/v1/namespace"));
    JsonNode version = Browser.json(browser.get("/api/v1/version"));

    assertThat(namespace.get("namespace").asText()).isEqualTo("shop");
    assertThat(namespace.get("availableNamespaces"))
        .extracting(JsonNode::asText)
        .containsExactly("shop");
    assertThat(version.get("rolloutsVersion").asText()).isEqualTo("v1.2.3");
  }

  @Test
  void withAllNamespacesThePickerListsEveryNamespaceWithRollouts() {
    cluster.pausedCanary("other", "api");
    dashboard.close();
    dashboard = start(DashboardServer.builder(cluster.client).namespace(NS).allNamespaces(true));

    JsonNode namespace = Browser.json(browser.get("/rollouts/api/v1/namespace"));

    assertThat(namespace.get("availableNamespaces"))
        .extracting(JsonNode::asText)
        .containsExactly("other", "shop");
    assertThat(browser.get("/rollouts/api/v1/rollouts/other/info").statusCode()).isEqualTo(200);
  }

  @Test
  void withoutAllNamespacesAnotherNamespaceIsForbidden() {
    HttpResponse<String> response = browser.get("/rollouts/api/v1/rollouts/other/info");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Browser.json(response).get("message").asText()).contains("-A");
  }

  @Test
  void promoteEndsThePauseAsTheCliDoes() {
    HttpResponse<String> response = browser.put("/rollouts/api/v1/rollouts/shop/web/promote", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Browser.json(response).at("/metadata/name").asText()).isEqualTo("web");
    RolloutResource stored = cluster.get(NS, "web");
    assertThat(Tree.list(stored.getStatus(), "pauseConditions")).isEmpty();
    assertThat(Tree.integer(stored.getStatus(), "currentStepIndex")).contains(1);
  }

  @Test
  void promoteFullSetsPromoteFull() {
    browser.put("/api/v1/rollouts/shop/web/promote", "{\"full\":true}");

    assertThat(Tree.isTrue(cluster.get(NS, "web").getStatus(), "promoteFull")).isTrue();
  }

  @Test
  void abortThenRetry() {
    assertThat(browser.put("/rollouts/api/v1/rollouts/shop/web/abort", "{}").statusCode())
        .isEqualTo(200);
    assertThat(Tree.isTrue(cluster.get(NS, "web").getStatus(), "abort")).isTrue();

    assertThat(browser.put("/rollouts/api/v1/rollouts/shop/web/retry", "{}").statusCode())
        .isEqualTo(200);
    assertThat(Tree.at(cluster.get(NS, "web").getStatus(), "abort")).contains(false);
  }

  @Test
  void restartSetsRestartAtToNowToTheSecond() {
    browser.put("/rollouts/api/v1/rollouts/shop/web/restart", "{}");

    assertThat(Tree.string(cluster.get(NS, "web").getSpec(), "restartAt"))
        .contains("2026-03-01T12:00:00Z");
  }

  @Test
  void undoCopiesTheTemplateOfThatRevision() {
    browser.put("/rollouts/api/v1/rollouts/shop/web/undo/1", "{}");

    assertThat(
            Tree.string(
                Tree.list(cluster.get(NS, "web").getSpec(), "template", "spec", "containers")
                    .get(0),
                "image"))
        .contains("argoproj/rollouts-demo:blue");
    assertThat(browser.put("/rollouts/api/v1/rollouts/shop/web/undo/9", "{}").statusCode())
        .isEqualTo(404);
    assertThat(browser.put("/rollouts/api/v1/rollouts/shop/web/undo/x", "{}").statusCode())
        .isEqualTo(400);
  }

  @ParameterizedTest(name = "set/demo/{0}/green")
  @ValueSource(strings = {"argoproj%2Frollouts-demo", "argoproj/rollouts-demo"})
  void setImageTakesTheImageEncodedOrWithRawSlashes(String image) {
    HttpResponse<String> response =
        browser.put("/rollouts/api/v1/rollouts/shop/web/set/demo/" + image + "/green", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            Tree.string(
                Tree.list(cluster.get(NS, "web").getSpec(), "template", "spec", "containers")
                    .get(0),
                "image"))
        .contains("argoproj/rollouts-demo:green");
  }

  @Test
  void setImageOfAnUnknownContainerIsNotFound() {
    HttpResponse<String> response =
        browser.put("/rollouts/api/v1/rollouts/shop/web/set/nope/nginx/1", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Browser.json(response).get("message").asText())
        .contains("unable to find container named \"nope\"");
  }

  @Test
  void anActionOnAnUnknownRolloutIsNotFound() {
    assertThat(browser.put("/rollouts/api/v1/rollouts/shop/nope/promote", "{}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theApiServersRefusalKeepsItsStatusCode() {
    cluster
        .server
        .expect()
        .patch()
        .withPath("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web/status")
        .andReturn(
            403,
            new io.fabric8.kubernetes.api.model.StatusBuilder()
                .withCode(403)
                .withMessage("rollouts.argoproj.io \"web\" is forbidden")
                .build())
        .once();

    HttpResponse<String> response = browser.put("/rollouts/api/v1/rollouts/shop/web/abort", "{}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Browser.json(response).get("message").asText()).contains("forbidden");
  }

  @Test
  void aConflictThatPersistsIsAConflict() {
    cluster
        .server
        .expect()
        .patch()
        .withPath("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web/status")
        .andReturn(
            409,
            new io.fabric8.kubernetes.api.model.StatusBuilder()
                .withCode(409)
                .withMessage("the object has been modified")
                .build())
        .times(5);

    assertThat(browser.put("/rollouts/api/v1/rollouts/shop/web/abort", "{}").statusCode())
        .isEqualTo(409);
  }

  @Test
  void aPutWithoutJsonIsRefused() {
    var request =
        java.net.http.HttpRequest.newBuilder(
                browser.uri("/rollouts/api/v1/rollouts/shop/web/abort"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("a=b"))
            .build();

    assertThat(browser.send(request).statusCode()).isEqualTo(415);
    assertThat(Tree.at(cluster.get(NS, "web").getStatus(), "abort")).isEmpty();
  }

  @Test
  void aRequestFromAnotherOriginIsRefused() {
    var request =
        java.net.http.HttpRequest.newBuilder(
                browser.uri("/rollouts/api/v1/rollouts/shop/web/abort"))
            .header("Content-Type", "application/json")
            .header("Origin", "http://evil.example")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
            .build();

    assertThat(browser.send(request).statusCode()).isEqualTo(403);
    assertThat(Tree.at(cluster.get(NS, "web").getStatus(), "abort")).isEmpty();
  }

  @Test
  void aHostThatIsNotLoopbackIsRefused() throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", dashboard.address().getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /rollouts/api/v1/rollouts/shop/info HTTP/1.1\r\nHost: rebound.example:3100\r\nConnection: close\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String reply =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

      assertThat(reply).startsWith("HTTP/1.1 403");
    }
  }

  @Test
  void readOnlyRefusesEveryActionAndSaysSo() {
    dashboard.close();
    dashboard = start(DashboardServer.builder(cluster.client).namespace(NS).readOnly(true));

    for (String action :
        List.of("promote", "abort", "retry", "restart", "undo/1", "set/demo/nginx/1")) {
      HttpResponse<String> response =
          browser.put("/rollouts/api/v1/rollouts/shop/web/" + action, "{}");
      assertThat(response.statusCode()).as(action).isEqualTo(403);
    }
    assertThat(Tree.list(cluster.get(NS, "web").getStatus(), "pauseConditions")).hasSize(1);
    assertThat(Browser.json(browser.get("/rollouts/api/v1/settings")).get("readOnly").asBoolean())
        .isTrue();
  }

  @Test
  void itListensOnLoopbackByDefault() {
    try (DashboardServer defaults = DashboardServer.builder(cluster.client).port(0).start()) {
      assertThat(defaults.address().getAddress().isLoopbackAddress()).isTrue();
      assertThat(defaults.url().toString()).startsWith("http://127.0.0.1:").endsWith("/rollouts/");
    }
  }

  @Test
  void theListWatchSendsAddedThenUpdatedAfterAnAction() throws Exception {
    try (Browser.Stream stream = browser.stream("/rollouts/api/v1/rollouts/shop/info/watch")) {
      assertThat(stream.response.headers().firstValue("Content-Type"))
          .contains("text/event-stream");
      JsonNode added = stream.nextResult(r -> true, WAIT);
      assertThat(added.get("type").asText()).isEqualTo("Added");
      assertThat(added.at("/rolloutInfo/status").asText()).isEqualTo("Paused");

      browser.put("/rollouts/api/v1/rollouts/shop/web/promote", "{}");

      JsonNode updated =
          stream.nextResult(r -> !r.at("/rolloutInfo/status").asText().equals("Paused"), WAIT);
      assertThat(updated.get("type").asText()).isEqualTo("Updated");
      assertThat(updated.at("/rolloutInfo/status").asText()).isEqualTo("Progressing");
      assertThat(stream.next(":"::equals, WAIT)).as("a keep-alive comment").isEqualTo(":");

      cluster.client.resource(cluster.get(NS, "web")).delete();

      JsonNode deleted = stream.nextResult(r -> r.get("type").asText().equals("Deleted"), WAIT);
      assertThat(deleted.at("/rolloutInfo/objectMeta/name").asText()).isEqualTo("web");
    }
  }

  @Test
  void theRolloutWatchSendsItsFullInfoOnEveryChange() throws Exception {
    try (Browser.Stream stream = browser.stream("/rollouts/api/v1/rollouts/shop/web/info/watch")) {
      JsonNode first = stream.nextResult(r -> true, WAIT);
      assertThat(first.get("status").asText()).isEqualTo("Paused");
      assertThat(first.get("steps")).hasSize(3);

      browser.put("/rollouts/api/v1/rollouts/shop/web/abort", "{}");
      cluster.analysisRun(web);

      JsonNode withRun = stream.nextResult(r -> r.has("analysisRuns"), WAIT);
      assertThat(withRun.at("/analysisRuns/0/status").asText()).isEqualTo("Successful");
    }
  }

  @Test
  void viewersShareOneSetOfInformersThatStopsWithTheLastViewer() throws Exception {
    int before = cluster.server.getRequestCount();
    assertThat(dashboard.watchedNamespaces()).as("an idle server watches nothing").isEmpty();
    assertThat(cluster.server.getRequestCount()).isEqualTo(before);

    Browser.Stream one = browser.stream("/rollouts/api/v1/rollouts/shop/info/watch");
    Browser.Stream two = browser.stream("/rollouts/api/v1/rollouts/shop/web/info/watch");
    one.nextResult(r -> true, WAIT);
    two.nextResult(r -> true, WAIT);
    assertThat(dashboard.watchedNamespaces()).containsExactly(NS);

    one.close();
    two.close();

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!dashboard.watchedNamespaces().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(dashboard.watchedNamespaces()).as("stopped after the last viewer left").isEmpty();
  }
}
