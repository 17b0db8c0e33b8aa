package dev.rollouts.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonViewTest {

  @Test
  void oneLineHoldsTheSummaryAndTheTreeWithTimestamps() throws Exception {
    String json = JsonView.render(RolloutInfos.of(TreeViewTest.pausedCanary()));

    assertThat(json).doesNotContain("\n");
    JsonNode node = new ObjectMapper().readTree(json);
    assertThat(node.get("kind").asText()).isEqualTo("Rollout");
    assertThat(node.get("status").asText()).isEqualTo("Paused");
    assertThat(node.get("step").asText()).isEqualTo("1/4");
    assertThat(node.get("setWeight").asInt()).isEqualTo(20);
    assertThat(node.get("replicas").get("current").asInt()).isEqualTo(3);
    assertThat(node.get("images").get(1).get("tags").get(0).asText()).isEqualTo("canary");
    JsonNode canary = node.get("revisions").get(0).get("replicaSets").get(0);
    assertThat(canary.get("name").asText()).isEqualTo("demo-58d5c9b7f");
    assertThat(canary.get("pods").get(0).get("created").asText()).isEqualTo("2026-01-01T00:10:00Z");
  }
}
