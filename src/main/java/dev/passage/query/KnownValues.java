package dev.passage.query;

import dev.passage.engine.Dimension;
import dev.passage.tagging.Entity;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.EntityType;
import dev.passage.tagging.Tokenizer;
import dev.passage.tagging.TopicRules;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The facet values the tagger gives, by every name a reader may type for them: the canonical name,
 * any alias of the names list, and either in any case or accents ({@code xi jingpin} is {@code Xi
 * Jinping}, {@code SCO} the Shanghai Cooperation Organisation, {@code Water} the topic {@code
 * water}). Filters and {@code person:}/{@code organisation:}/{@code topic:} terms go through it, so
 * they search the value the index holds.
 */
public final class KnownValues {

  private final Map<Dimension, Map<String, String>> canonicalByKey;

  private KnownValues(Map<Dimension, Map<String, String>> canonicalByKey) {
    this.canonicalByKey = canonicalByKey;
  }

  /** The bundled names and topics. */
  public static KnownValues bundled() {
    return of(EntityList.bundled());
  }

  /** The names of {@code entities} and the bundled topics. */
  public static KnownValues of(EntityList entities) {
    Map<Dimension, Map<String, String>> byKey = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      byKey.put(d, new HashMap<>());
    }
    // Aliases first, in file order, so a later entry wins an alias as the tagger's merge does;
    // then the canonical names, which no other entry's alias may take over.
    for (Entity e : entities.entities()) {
      Dimension d = dimensionOf(e.type());
      if (d != null) {
        e.aliases().forEach(alias -> byKey.get(d).put(key(alias), e.canonical()));
      }
    }
    for (Entity e : entities.entities()) {
      Dimension d = dimensionOf(e.type());
      if (d != null) {
        byKey.get(d).put(key(e.canonical()), e.canonical());
      }
    }
    TopicRules.TOPICS.forEach(t -> byKey.get(Dimension.TOPIC).put(key(t), t));
    return new KnownValues(byKey);
  }

  /** The value the index holds for {@code given}, or {@code given} when no name matches it. */
  public String canonical(Dimension dimension, String given) {
    String found = canonicalByKey.get(dimension).get(key(given));
    return found != null ? found : given;
  }

  /** Every name of dimension {@code dimension} by its {@link #key}, with its canonical value. */
  public Map<String, String> namesByKey(Dimension dimension) {
    return Collections.unmodifiableMap(canonicalByKey.get(dimension));
  }

  /** Case, accents and runs of spaces do not tell names apart. */
  public static String key(String name) {
    return Tokenizer.key(name.strip().replaceAll("\\s+", " "));
  }

  private static Dimension dimensionOf(EntityType type) {
    return switch (type) {
      case PERSON -> Dimension.PERSON;
      case ORGANISATION -> Dimension.ORGANISATION;
      default -> null;
    };
  }
}
