package dev.passage.eval;

import dev.passage.ingest.Text;
import dev.passage.tagging.Entity;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.EntityType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares the names an article was tagged with to the names a corpus labels, the way a reader
 * would: case, accents, full stops, -ise/-ize spellings and legal suffixes ("Inc", "Corp") do not
 * matter, a spelling on the names list counts as its canonical name, and within one article a short
 * form ("Clinton", "Jones Medical") is the same entity as the full name it shortens.
 */
final class NameMatcher {

  private static final Set<String> LEGAL_SUFFIXES =
      Set.of(
          "inc",
          "corp",
          "corporation",
          "co",
          "ltd",
          "limited",
          "plc",
          "llc",
          "ag",
          "sa",
          "nv",
          "bv",
          "spa",
          "gmbh",
          "ab",
          "asa",
          "oy",
          "kk",
          "bhd",
          "pty",
          "lp");

  private final Map<String, String> canonical = new HashMap<>();

  NameMatcher(EntityList names) {
    for (Entity e : names.entities()) {
      if (e.type().isTag()) {
        for (String form : e.forms()) {
          canonical.putIfAbsent(key(form, e.type()), key(e.canonical(), e.type()));
        }
      }
    }
  }

  /** The comparable form of a name: its canonical spelling, normalised. */
  String normalise(String name, EntityType type) {
    String k = key(name, type);
    return canonical.getOrDefault(k, k);
  }

  /**
   * The distinct entities of one article: normalised names with short forms folded into the full
   * names they shorten (a surname into the person, a leading part into the organisation).
   */
  Set<String> entities(List<String> names, EntityType type) {
    Set<String> all = new LinkedHashSet<>();
    for (String n : names) {
      String k = normalise(n, type);
      if (!k.isEmpty()) {
        all.add(k);
      }
    }
    Set<String> full = new LinkedHashSet<>();
    for (String k : all) {
      boolean shortForm = false;
      for (String other : all) {
        if (!other.equals(k) && (shortens(k, other, type) || abbreviates(k, other, type))) {
          shortForm = true;
          break;
        }
      }
      if (!shortForm) {
        full.add(k);
      }
    }
    return full;
  }

  /** The number of gold entities found among the tagged ones, each used once. */
  int matches(Set<String> gold, Set<String> tagged, EntityType type) {
    List<String> available = new ArrayList<>(tagged);
    int found = 0;
    for (String g : gold) {
      String hit = null;
      for (String t : available) {
        if (t.equals(g)) {
          hit = t;
          break;
        }
      }
      if (hit == null) {
        for (String t : available) {
          if (shortens(g, t, type)
              || shortens(t, g, type)
              || abbreviates(g, t, type)
              || abbreviates(t, g, type)) {
            hit = t;
            break;
          }
        }
      }
      if (hit != null) {
        available.remove(hit);
        found++;
      }
    }
    return found;
  }

  /**
   * True when {@code shorter} is a short form of {@code longer}: for a person its last words (a
   * surname) or first words, for an organisation its first words.
   */
  static boolean shortens(String shorter, String longer, EntityType type) {
    List<String> s = Arrays.asList(shorter.split(" "));
    List<String> l = Arrays.asList(longer.split(" "));
    if (s.size() >= l.size()) {
      return false;
    }
    boolean prefix = l.subList(0, s.size()).equals(s);
    boolean suffix = l.subList(l.size() - s.size(), l.size()).equals(s);
    return type == EntityType.PERSON ? suffix || prefix : prefix;
  }

  private static final Set<String> SMALL_WORDS = Set.of("of", "the", "and", "for", "on", "in", "&");

  /**
   * True when {@code acronym} is made of the initials of {@code name}'s words ("mnlf", "moro
   * national liberation front"): an article that defines an acronym names one organisation.
   */
  static boolean abbreviates(String acronym, String name, EntityType type) {
    if (type != EntityType.ORGANISATION || acronym.contains(" ") || acronym.length() < 2) {
      return false;
    }
    StringBuilder initials = new StringBuilder();
    for (String word : name.split(" ")) {
      if (!word.isEmpty() && !SMALL_WORDS.contains(word)) {
        initials.append(word.charAt(0));
      }
    }
    return initials.length() > 1 && initials.toString().equals(acronym);
  }

  private static String key(String name, EntityType type) {
    String folded = Text.withoutAccents(name);
    String k =
        folded
            .toLowerCase(Locale.ROOT)
            .replace('’', '\'')
            .replaceAll("'s\\b", "")
            .replace(".", "")
            .replaceAll("[^\\p{L}\\p{N}&']+", " ")
            .replaceAll("ization\\b", "isation")
            .strip();
    if (type == EntityType.ORGANISATION) {
      List<String> words = new ArrayList<>(Arrays.asList(k.split(" ")));
      while (words.size() > 1 && LEGAL_SUFFIXES.contains(words.getLast())) {
        words.removeLast();
      }
      if (words.size() > 1 && words.getFirst().equals("the")) {
        words.removeFirst();
      }
      k = String.join(" ", words);
    }
    return k;
  }
}
