package dev.passage.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.Dimension;
import dev.passage.tagging.Entity;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.EntityType;
import dev.passage.tagging.TopicRules;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownValuesTest {

  private static final KnownValues KNOWN = KnownValues.bundled();

  @Test
  void everyFormOfEveryBundledPersonAndOrganisationInAnyCaseGivesItsCanonicalName() {
    // An alias named by two entries belongs to the last, as in the tagger; canonical names win.
    Map<String, String> owner = new HashMap<>();
    EntityList bundled = EntityList.bundled();
    for (Entity e : bundled.entities()) {
      e.aliases().forEach(a -> owner.put(KnownValues.key(a), e.canonical()));
    }
    for (Entity e : bundled.entities()) {
      owner.put(KnownValues.key(e.canonical()), e.canonical());
    }
    int checked = 0;
    for (Entity e : bundled.entities()) {
      if (e.type() != EntityType.PERSON && e.type() != EntityType.ORGANISATION) {
        continue;
      }
      Dimension d = e.type() == EntityType.PERSON ? Dimension.PERSON : Dimension.ORGANISATION;
      for (String form : e.forms()) {
        String expected = owner.get(KnownValues.key(form));
        assertThat(KNOWN.canonical(d, form)).as(form).isEqualTo(expected);
        assertThat(KNOWN.canonical(d, form.toUpperCase(Locale.ROOT))).as(form).isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void topicsTakeAnyCaseAndUnknownValuesAreKeptAsGiven() {
    for (String topic : TopicRules.bundled().topics()) {
      assertThat(KNOWN.canonical(Dimension.TOPIC, topic.toUpperCase(Locale.ROOT))).isEqualTo(topic);
    }
    assertThat(KNOWN.canonical(Dimension.PERSON, "Zanzibar Q. Nobody"))
        .isEqualTo("Zanzibar Q. Nobody");
    assertThat(KNOWN.canonical(Dimension.YEAR, "2013")).isEqualTo("2013");
    assertThat(KNOWN.canonical(Dimension.ORGANISATION, "Xi Jingpin")).isEqualTo("Xi Jingpin");
    assertThat(KNOWN.canonical(Dimension.PERSON, "Xi Jingpin")).isEqualTo("Xi Jinping");
  }

  @Test
  void anAcronymIsAnAliasInFreeTextOnlyInCapitalsAndOtherAliasesInAnyCase() {
    assertThat(KNOWN.canonicalOfAlias(Dimension.ORGANISATION, "WHO"))
        .isEqualTo("World Health Organization");
    assertThat(KNOWN.canonicalOfAlias(Dimension.ORGANISATION, "who")).isNull();
    assertThat(KNOWN.canonicalOfAlias(Dimension.PERSON, "nazarbaev"))
        .isEqualTo("Nursultan Nazarbayev");
    assertThat(KNOWN.canonicalOfAlias(Dimension.ORGANISATION, "World Health Organization"))
        .as("a canonical name is not an alias of itself")
        .isNull();
  }
}
