package dev.passage.tagging;

import dev.passage.ingest.TsvFile;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The vocabulary of the name rules, from {@code passage/name-rules.tsv}: titles before people,
 * words that end organisations' names, words that are never names, and acronyms that are not
 * organisations.
 */
public final class NameRules {

  /** The bundled rules file. */
  public static final String RESOURCE = "passage/name-rules.tsv";

  /** The kinds of word the file lists. */
  public static final List<String> KINDS =
      List.of(
          "title",
          "org-word",
          "not-a-name",
          "opener",
          "connector",
          "particle",
          "owner",
          "common-acronym",
          "legal-form",
          "generic-head",
          "surname");

  private final PhraseTrie<String> titles = new PhraseTrie<>();
  private final Set<String> titleWords = new HashSet<>();
  private final Set<String> orgWords = new HashSet<>();
  private final Set<String> notNames = new HashSet<>();
  private final Set<String> openers = new HashSet<>();
  private final Set<String> connectors = new HashSet<>();
  private final Set<String> particles = new HashSet<>();
  private final Set<String> owners = new HashSet<>();
  private final Set<String> commonAcronyms = new HashSet<>();
  private final Set<String> legalForms = new HashSet<>();
  private final Set<String> genericHeads = new HashSet<>();
  private final Set<String> surnames = new HashSet<>();

  private NameRules(List<TsvFile.Row> rows) {
    for (TsvFile.Row row : rows) {
      String kind = row.column(0).toLowerCase(Locale.ROOT);
      String word = row.column(1);
      if (word.isEmpty()) {
        throw row.error("no word given");
      }
      String key = Tokenizer.key(word);
      switch (kind) {
        case "title" -> {
          titles.add(word, word);
          for (Token t : Tokenizer.tokenize(word)) {
            if (t.isWord()) {
              titleWords.add(t.key());
            }
          }
        }
        case "org-word" -> orgWords.add(key);
        case "not-a-name" -> notNames.add(key);
        case "opener" -> openers.add(key);
        case "connector" -> connectors.add(key);
        case "particle" -> particles.add(key);
        case "owner" -> owners.add(key);
        case "common-acronym" -> commonAcronyms.add(key);
        case "legal-form" -> legalForms.add(key);
        case "generic-head" -> genericHeads.add(word);
        case "surname" -> surnames.add(key);
        default -> throw row.error("unknown kind '" + row.column(0) + "'; use one of " + KINDS);
      }
    }
  }

  /** The rules bundled with Passage. */
  public static NameRules bundled() {
    return new NameRules(TsvFile.resource(RESOURCE));
  }

  /** Rules from rows of kind and word; visible for tests. */
  public static NameRules parse(List<TsvFile.Row> rows) {
    return new NameRules(rows);
  }

  /** The title that starts at token {@code i}, or null. */
  PhraseTrie.Match<String> titleAt(List<Token> tokens, int i) {
    return titles.longestAt(tokens, i);
  }

  /** A word kept out of names that is also a surname after given names ("Major", "May"). */
  boolean isSurname(Token t) {
    return surnames.contains(t.key());
  }

  /** A word of some title ("Minister", "Chief"): never part of a name. */
  boolean isTitleWord(Token t) {
    return titleWords.contains(t.key());
  }

  boolean isOrgWord(Token t) {
    return t.isCapitalised() && orgWords.contains(t.key());
  }

  /**
   * An organisation word, or its plural ("Chambers", "Councils"): inside a long name the article
   * itself defines, where a run's last word is not what decides.
   */
  boolean isOrgWordOrPlural(Token t) {
    String key = t.key();
    return isOrgWord(t)
        || (t.isCapitalised()
            && key.length() > 2
            && key.endsWith("s")
            && orgWords.contains(key.substring(0, key.length() - 1)));
  }

  /** A capitalised word that is never part of a person's name. */
  boolean isNotAName(Token t) {
    return notNames.contains(t.key()) || openers.contains(t.key());
  }

  /** A word capitalised only because it opens a sentence. */
  boolean isOpener(Token t) {
    return openers.contains(t.key());
  }

  boolean isConnector(Token t) {
    return (t.isWord() || t.is('&')) && connectors.contains(t.key());
  }

  boolean isParticle(Token t) {
    return t.isWord() && particles.contains(t.key());
  }

  /** A word in capitals that is not an organisation: "GDP", "CEO". */
  boolean isCommonAcronym(Token t) {
    return commonAcronyms.contains(t.key());
  }

  /** A company's legal form: "Co", "Inc", "AG". */
  boolean isLegalForm(Token t) {
    return legalForms.contains(t.key());
  }

  /** "Central Bank", "Finance Ministry": a kind of body, which only a longer name makes one. */
  boolean isGenericHead(String name) {
    // As written: the rules find organisations by their capitals, and this runs for each one.
    return genericHeads.contains(name);
  }

  /** "People" in "People's Democratic Party": its possessive stays inside the name. */
  boolean isOwnerInName(Token t) {
    return owners.contains(t.key());
  }
}
