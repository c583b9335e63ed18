package dev.passage.tagging;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves short forms to the full names used elsewhere in the same article: a surname ("Akhmetov
 * said") or a given name to the one person of the article who bears it, and an acronym defined in
 * the article ("ETIM"), that opens an organisation's name in it ("CPC" beside "CPC International")
 * or that spells the initials of one ("the BRC said" beside "the British Retail Consortium") to its
 * long name. A surname after a title that the article never spells out ("President Nazarbayev")
 * falls back to the one listed person with that surname. A short form that fits two people of the
 * article is left alone rather than guessed.
 */
final class ShortNameResolver {

  private final NameRules rules;
  private final NameLexicon lexicon;
  private final Map<String, String> listedSurnames = new HashMap<>();

  ShortNameResolver(NameRules rules, NameLexicon lexicon, EntityList list) {
    this.rules = rules;
    this.lexicon = lexicon;
    Map<String, Set<String>> bySurname = new HashMap<>();
    for (Entity e : list.entities()) {
      if (e.type() == EntityType.PERSON) {
        List<Token> words = Tokenizer.tokenize(e.canonical());
        if (words.size() >= 2) {
          bySurname.computeIfAbsent(words.getLast().key(), k -> new HashSet<>()).add(e.canonical());
        }
      }
    }
    bySurname.forEach((surname, names) -> {
      if (names.size() == 1) {
        listedSurnames.put(surname, names.iterator().next());
      }
    });
  }

  void resolve(List<ParagraphNames> article) {
    Map<String, Set<String>> byLast = new HashMap<>();
    Map<String, Set<String>> byFirst = new HashMap<>();
    Map<String, Mention> acronyms = new HashMap<>();
    Map<String, Set<Mention>> openedBy = new HashMap<>();
    Map<String, Set<Mention>> spelledBy = new HashMap<>();
    for (ParagraphNames p : article) {
      for (Mention m : p.mentions()) {
        List<Token> words = nameWords(m.name());
        if (m.type() == EntityType.PERSON && words.size() >= 2) {
          byLast.computeIfAbsent(words.getLast().key(), k -> new HashSet<>()).add(m.name());
          byFirst.computeIfAbsent(words.getFirst().key(), k -> new HashSet<>()).add(m.name());
        }
        if (isAcronym(m.matched()) && !m.matched().equals(m.name())) {
          acronyms.putIfAbsent(m.matched(), m);
        }
        if (m.type() == EntityType.ORGANISATION && words.size() >= 2) {
          String first = words.getFirst().text();
          if (isAcronym(first)) {
            openedBy.computeIfAbsent(first, k -> new HashSet<>()).add(m);
          }
          String initials = initials(words);
          if (initials.length() >= 2) {
            spelledBy.computeIfAbsent(initials, k -> new HashSet<>()).add(m);
          }
        }
      }
    }
    Map<String, Mention> opening = oneNameEach(openedBy);
    Map<String, Mention> initialled = oneNameEach(spelledBy);
    for (ParagraphNames p : article) {
      for (int i = 0; i < p.size(); i++) {
        Mention claimed = p.claimedBy(i);
        if (claimed != null) {
          resolveTitledSurname(p, i, claimed, byLast, byFirst);
          continue;
        }
        Token t = p.token(i);
        // The pronoun stands alone too, and "Elizabeth I" must not make it her.
        if (!t.isCapitalised() || t.text().equals("I") || !standsAlone(p, i)) {
          continue;
        }
        Mention acronym = acronyms.get(t.text());
        if (acronym != null) {
          p.claim(i, i + 1, acronym.type(), acronym.name(), "acronym of '" + acronym.name() + "'");
          continue;
        }
        if (rules.isNotAName(t) || p.isPlace(i)) {
          continue;
        }
        // "CPC" beside "CPC International", "BRC" beside "British Retail Consortium"; but "UK"
        // beside "UK Film Council" is a place, and "FT-SE 100" names an index, not the Stock
        // Exchange it abbreviates.
        if (!rules.isCommonAcronym(t)) {
          Mention opened = opening.get(t.text());
          Mention spelt = t.isAllCaps() && !t.hyphenJoined() ? initialled.get(t.text()) : null;
          Mention longName = opened != null ? opened : spelt;
          if (longName != null) {
            String how = opened != null ? "opens '" : "initials of '";
            p.claim(
                i,
                i + 1,
                longName.type(),
                longName.name(),
                how + longName.name() + "' in this article");
            continue;
          }
        }
        String full = unique(byLast.get(t.key()));
        if (full == null && !t.sentenceStart()) {
          full = unique(byFirst.get(t.key()));
        }
        if (full != null) {
          p.claim(i, i + 1, EntityType.PERSON, full, "short for '" + full + "' in this article");
        }
      }
    }
  }

  /**
   * "President Nazarbayev": a one-word name found after a title becomes the full name. A given name
   * that stays alone where a capitalised word follows it ("spokesman Mike Lake", a place word for a
   * surname) is a name cut short: no tag rather than a first name for a person.
   *
   * @param i a token of {@code m}
   */
  private void resolveTitledSurname(
      ParagraphNames p,
      int i,
      Mention m,
      Map<String, Set<String>> byLast,
      Map<String, Set<String>> byFirst) {
    if (m.type() != EntityType.PERSON || !m.name().equals(m.matched())) {
      return;
    }
    List<Token> words = nameWords(m.name());
    if (words.size() != 1) {
      return;
    }
    String key = words.getFirst().key();
    String full = unique(byLast.get(key));
    if (full == null) {
      full = unique(byFirst.get(key));
    }
    if (full != null) {
      p.rename(m, full, m.rule() + "; short for '" + full + "' in this article");
      return;
    }
    String listed = listedSurnames.get(key);
    if (listed != null) {
      p.rename(m, listed, m.rule() + "; surname of listed '" + listed + "'");
      return;
    }
    int first = i;
    while (first > 0 && p.claimedBy(first - 1) == m) {
      first--;
    }
    Token before = first > 0 ? p.token(first - 1) : null;
    if (before != null && before.isCapitalised() && !rules.isTitleWord(before)) {
      // "Director of Public Prosecutions": after the words of an office, one word that is no
      // one's name in the article or the list is the office's last word.
      p.demote(m, m.rule() + "; the last word of an office, not a name");
      return;
    }
    int next = i;
    while (next < p.size() && p.claimedBy(next) == m) {
      next++;
    }
    if (next < p.size() && lexicon.isGivenName(words.getFirst())) {
      Token t = p.token(next);
      if (t.isCapitalised() && !t.isAllCaps() && !t.hyphenJoined()) {
        p.demote(m, m.rule() + "; a given name whose surname the rules cannot read");
      }
    }
  }

  /** The mention each key stands for, where all its mentions share one name. */
  private static Map<String, Mention> oneNameEach(Map<String, Set<Mention>> byKey) {
    Map<String, Mention> unique = new HashMap<>();
    byKey.forEach((key, mentions) -> {
      if (mentions.stream().map(Mention::name).distinct().count() == 1) {
        unique.put(key, mentions.iterator().next());
      }
    });
    return unique;
  }

  /**
   * The initials of an organisation's name ("BRC" for the British Retail Consortium, "CBI" for the
   * Confederation of British Industry), connectors, "the" and legal forms skipped ("GM" for General
   * Motors Corp); "" when a word is neither capitalised nor skipped.
   */
  private String initials(List<Token> words) {
    StringBuilder initials = new StringBuilder();
    for (Token t : words) {
      if (rules.isConnector(t) || t.key().equals("the") || rules.isLegalForm(t)) {
        continue;
      }
      if (!t.isCapitalised() || t.isAllCaps()) {
        return "";
      }
      initials.append(Character.toUpperCase(t.text().charAt(0)));
    }
    return initials.toString();
  }

  private boolean standsAlone(ParagraphNames p, int i) {
    // "The KDP said": a sentence opener before the word does not make it part of a longer name.
    boolean before =
        i > 0
            && p.token(i - 1).isCapitalised()
            && p.isFree(i - 1)
            && !rules.isOpener(p.token(i - 1));
    boolean after =
        i + 1 < p.size()
            && (p.token(i + 1).isCapitalised() || p.token(i + 1).hyphenJoined())
            && p.isFree(i + 1);
    return !before && !after;
  }

  private static List<Token> nameWords(String name) {
    return Tokenizer.tokenize(name).stream().filter(t -> t.isWord() && !t.hyphenJoined()).toList();
  }

  private static boolean isAcronym(String text) {
    return text.length() >= 2
        && text.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
  }

  private static String unique(Set<String> names) {
    return names != null && names.size() == 1 ? names.iterator().next() : null;
  }
}
