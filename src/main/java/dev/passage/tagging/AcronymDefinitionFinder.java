package dev.passage.tagging;

/**
 * Finds definitions written as "Long Name (ACRONYM)", such as "East Turkistan Islamic Movement
 * (ETIM)". The long name is the shortest run of capitalised words before the parenthesis whose
 * initials spell the acronym. It is an organisation when it contains an organisation word or its
 * plural ("British Chambers of Commerce (BCC)"), and otherwise a name that is not tagged ("Belt and
 * Road Initiative (BRI)"). Either way the acronym is claimed, and later uses of it in the article
 * are resolved by {@link ShortNameResolver}.
 */
final class AcronymDefinitionFinder {

  /** Long names are at most this many words; longer runs are prose, not names. */
  private static final int MAX_WORDS = 12;

  private final NameRules rules;

  AcronymDefinitionFinder(NameRules rules) {
    this.rules = rules;
  }

  void find(ParagraphNames p) {
    for (int i = 1; i + 2 < p.size(); i++) {
      Token acronym = p.token(i + 1);
      if (!p.token(i).is('(') || !p.token(i + 2).is(')') || !isAcronym(acronym)) {
        continue;
      }
      int start = longNameStart(p, i, acronym.text());
      if (start < 0) {
        continue;
      }
      // "The Australian Wheat Board's (AWB) program": the possessive is not part of the name.
      int end = i;
      while (end > start && p.token(end - 1).kind() == Token.Kind.POSSESSIVE) {
        end--;
      }
      Mention existing = p.claimedBy(end - 1);
      if (existing != null) {
        // The long name is already known (a listed name): the acronym is one more of its forms.
        if (p.isFree(i + 1) && existing == p.claimedBy(start)) {
          p.claim(i + 1, i + 2, existing.type(), existing.name(), existing.rule());
        }
        continue;
      }
      if (!p.isFree(start, i + 2)) {
        continue;
      }
      boolean organisation = false;
      for (int k = start; k < end; k++) {
        organisation |= rules.isOrgWordOrPlural(p.token(k));
      }
      EntityType type = organisation ? EntityType.ORGANISATION : EntityType.OTHER;
      String name = p.span(start, end);
      String rule = "acronym definition '" + name + " (" + acronym.text() + ")'";
      p.claim(start, end, type, name, rule);
      p.claim(i + 1, i + 2, type, name, rule);
    }
  }

  private static boolean isAcronym(Token t) {
    return t.isAllCaps() && t.text().length() <= 10;
  }

  /**
   * The first token of the shortest capitalised run ending at {@code paren} whose initials contain
   * the acronym's letters in order, starting with its first; -1 when there is none.
   */
  private int longNameStart(ParagraphNames p, int paren, String acronym) {
    int words = 0;
    for (int s = paren - 1; s >= 0 && words < MAX_WORDS; s--) {
      Token t = p.token(s);
      if (rules.isConnector(t) || t.key().equals("the") || t.kind() == Token.Kind.POSSESSIVE) {
        continue;
      }
      if (!(t.isCapitalised() || t.isAllCaps() || (t.hyphenJoined() && t.isWord()))) {
        return -1;
      }
      words++;
      if (!t.hyphenJoined()
          && Character.toUpperCase(t.text().charAt(0)) == acronym.charAt(0)
          && spells(p, s, paren, acronym)) {
        return s;
      }
    }
    return -1;
  }

  private static boolean spells(ParagraphNames p, int from, int to, String acronym) {
    int a = 0;
    for (int k = from; k < to && a < acronym.length(); k++) {
      Token t = p.token(k);
      if (!t.isWord()) {
        continue;
      }
      for (int c = 0; c < t.text().length() && a < acronym.length(); c++) {
        char ch = t.text().charAt(c);
        boolean initial = c == 0 || t.isAllCaps();
        if (initial && Character.toUpperCase(ch) == acronym.charAt(a)) {
          a++;
        } else if (c == 0) {
          break;
        }
      }
    }
    return a == acronym.length();
  }
}
