package dev.passage.query;

import dev.passage.engine.Dimension;
import dev.passage.ingest.Text;
import dev.passage.tagging.Entity;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.EntityType;
import dev.passage.tagging.Tokenizer;
import dev.passage.tagging.TopicRules;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

  /** Each alias as the names list writes it, by its key; canonical names are not in it. */
  private final Map<Dimension, Map<String, String>> aliasByKey;

  private KnownValues(
      Map<Dimension, Map<String, String>> canonicalByKey,
      Map<Dimension, Map<String, String>> aliasByKey) {
    this.canonicalByKey = canonicalByKey;
    this.aliasByKey = aliasByKey;
  }

  /** The bundled names and topics. */
  public static KnownValues bundled() {
    return of(EntityList.bundled(), TopicRules.bundled().topics());
  }

  /** The names of {@code entities} and the topics {@code topics}. */
  public static KnownValues of(EntityList entities, List<String> topics) {
    Map<Dimension, Map<String, String>> byKey = new EnumMap<>(Dimension.class);
    Map<Dimension, Map<String, String>> aliases = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      byKey.put(d, new HashMap<>());
      aliases.put(d, new HashMap<>());
    }
    // Aliases first, in file order, so a later entry wins an alias as the tagger's merge does;
    // then the canonical names, which no other entry's alias may take over.
    for (Entity e : entities.entities()) {
      Dimension d = dimensionOf(e.type());
      if (d != null) {
        e.aliases()
            .forEach(alias -> {
              byKey.get(d).put(key(alias), e.canonical());
              aliases.get(d).put(key(alias), alias);
            });
      }
    }
    for (Entity e : entities.entities()) {
      Dimension d = dimensionOf(e.type());
      if (d != null) {
        byKey.get(d).put(key(e.canonical()), e.canonical());
      }
    }
    topics.forEach(t -> byKey.get(Dimension.TOPIC).put(key(t), t));
    for (Dimension d : Dimension.values()) {
      // A canonical name is not an alias, even where another entry's alias was written alike.
      aliases.get(d).keySet().removeIf(k -> key(byKey.get(d).get(k)).equals(k));
    }
    return new KnownValues(byKey, aliases);
  }

  /** The value the index holds for {@code given}, or {@code given} when no name matches it. */
  public String canonical(Dimension dimension, String given) {
    String found = canonicalByKey.get(dimension).get(key(given));
    return found != null ? found : given;
  }

  /**
   * The canonical value whose alias {@code typed} is in free text, or null. An alias in capitals
   * (an acronym: WHO, SCO) counts only as written, so the word "who" is not the World Health
   * Organization; other aliases count in any case.
   */
  public String canonicalOfAlias(Dimension dimension, String typed) {
    String key = key(typed);
    String alias = aliasByKey.get(dimension).get(key);
    if (alias == null) {
      return null;
    }
    boolean acronym = alias.equals(alias.toUpperCase(Locale.ROOT)) && alias.length() <= 8;
    if (acronym && !alias.equals(typed.strip())) {
      return null;
    }
    return canonicalByKey.get(dimension).get(key);
  }

  /** Every name of dimension {@code dimension} by its {@link #key}, with its canonical value. */
  public Map<String, String> namesByKey(Dimension dimension) {
    return Collections.unmodifiableMap(canonicalByKey.get(dimension));
  }

  /** Case, accents and runs of spaces do not tell names apart. */
  public static String key(String name) {
    return Tokenizer.key(Text.collapseSpaces(name.strip()));
  }

  private static Dimension dimensionOf(EntityType type) {
    return switch (type) {
      case PERSON -> Dimension.PERSON;
      case ORGANISATION -> Dimension.ORGANISATION;
      default -> null;
    };
  }
}
