package dev.passage.tagging;

import dev.passage.ingest.TsvFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The name lists that tell a person's name by its shape: given names ({@code given-names.txt}), and
 * family names written before the given name ({@code family-names-first.txt}).
 */
public final class NameLexicon {

  public static final String GIVEN_NAMES = "passage/given-names.txt";
  public static final String FAMILY_NAMES_FIRST = "passage/family-names-first.txt";

  private final Set<String> given;
  private final Set<String> familyFirst;

  private NameLexicon(List<TsvFile.Row> given, List<TsvFile.Row> familyFirst) {
    this.given = keys(given);
    this.familyFirst = keys(familyFirst);
  }

  /** The lists bundled with Passage. */
  public static NameLexicon bundled() {
    return new NameLexicon(TsvFile.resource(GIVEN_NAMES), TsvFile.resource(FAMILY_NAMES_FIRST));
  }

  private static Set<String> keys(List<TsvFile.Row> rows) {
    Set<String> keys = new HashSet<>();
    for (TsvFile.Row row : rows) {
      keys.add(Tokenizer.key(row.column(0)));
    }
    return keys;
  }

  /** "Boris", "Yasser": a capitalised word that starts a person's name. */
  boolean isGivenName(Token t) {
    return t.isCapitalised() && !t.isAllCaps() && given.contains(t.key());
  }

  /** "Wang", "Kim": a family name that stands before the given name. */
  boolean isFamilyNameFirst(Token t) {
    return t.isCapitalised() && !t.isAllCaps() && familyFirst.contains(t.key());
  }
}
