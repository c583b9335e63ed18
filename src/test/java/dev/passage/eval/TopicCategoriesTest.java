package dev.passage.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.ingest.TsvFile;
import dev.passage.tagging.TopicRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The categories that mean each topic in eval topics. */
class TopicCategoriesTest {

  @Test
  void theBundledMappingGivesEachTopicItsReutersCategories() {
    TopicCategories mapping = TopicCategories.bundled();
    assertThat(mapping.topics()).containsExactly("trade", "energy", "agriculture", "transport");
    assertThat(mapping.topicsOf(Set.of("crude", "ship"))).containsExactly("energy", "transport");
    assertThat(mapping.topicsOf(Set.of("veg-oil"))).containsExactly("agriculture");
    assertThat(mapping.topicsOf(Set.of("coconut"))).containsExactly("agriculture");
    assertThat(mapping.topicsOf(Set.of("tapioca", "pork-belly"))).containsExactly("agriculture");
    assertThat(mapping.topicsOf(Set.of("bop", "money-fx", "lumber"))).isEmpty();
    assertThat(mapping.topicsOf(Set.of("earn", "acq"))).isEmpty();
  }

  @Test
  void aTopicPassageDoesNotAssignIsReportedWithItsLine() {
    assertThatThrownBy(() ->
            TopicCategories.parse(
                TsvFile.parse("c.tsv", "sport\tsoccer\n"), TopicRules.bundled().topics()))
        .hasMessageStartingWith("c.tsv:1: unknown topic 'sport'");
  }
}
