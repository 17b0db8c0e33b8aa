package dev.rollouts.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void columnsAreTheWidestCellPlusTwoAndTheLastIsNotPadded() {
    String text =
        new Table()
            .row("NAME", "KIND", "INFO")
            .row("a-long-name", "Pod", "")
            .row("b", "ReplicaSet", "x")
            .render();

    assertThat(text)
        .isEqualTo("NAME         KIND        INFO\na-long-name  Pod\nb            ReplicaSet  x\n");
  }

  @Test
  void colourCodesTakeNoWidth() {
    String coloured = new Table().row("\u001b[32m✔\u001b[0m ok", "x").row("longer", "y").render();

    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo("✔ ok    x\nlonger  y\n");
  }
}
