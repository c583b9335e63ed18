package dev.passage.tagging;

/**
 * Finds people named after a title or role: "Prime Minister Serik Akhmetov", "Minister of Foreign
 * Affairs Erlan Idrissov", "Speaker of the Lower Home of the Parliament Nurlan Nigmatulin",
 * "sculptor Yuan Xikun". The words of the office between title and name are skipped because they
 * are words that are never names (offices, places, organisation words); the title itself is never
 * part of the name. A lone surname ("President Nazarbayev") is resolved later by {@link
 * ShortNameResolver}.
 */
final class TitledPersonFinder {

  /** How far past the title the name may start ("Speaker of the Lower Home of the Parliament"). */
  private static final int MAX_SCAN = 14;

  private final NameRules rules;
  private final NameLexicon lexicon;
  private final PersonNameRun names;

  TitledPersonFinder(NameRules rules, NameLexicon lexicon) {
    this.rules = rules;
    this.lexicon = lexicon;
    this.names = new PersonNameRun(rules, lexicon);
  }

  void find(ParagraphNames p) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.isFree(i) || !p.token(i).isWord()) {
        continue;
      }
      PhraseTrie.Match<String> title = rules.titleAt(p.tokens, i);
      if (title == null) {
        continue;
      }
      int after = title.end();
      if (after < p.size() && p.token(after).is('.')) {
        after++;
      }
      int[] name = nameAfter(p, after, Character.isLowerCase(p.token(i).text().codePointAt(0)));
      if (name != null && (!isCapitalisedRole(p, title) || startsAsAPerson(p.token(name[0])))) {
        p.claim(
            name[0],
            name[1],
            EntityType.PERSON,
            PersonNameRun.name(p, name[0], name[1]),
            "title '" + p.span(title.start(), title.end()) + "'");
        i = name[1] - 1;
      }
    }
  }

  /**
   * A role the rules write in lower case ("singer", "leader") capitalised inside a sentence: as
   * often the first word of a name ("the Singer World Series", "Leader of the Opposition") as a
   * title ("Senate Majority Leader Robert Dole").
   */
  private static boolean isCapitalisedRole(ParagraphNames p, PhraseTrie.Match<String> title) {
    Token first = p.token(title.start());
    return Character.isLowerCase(title.value().codePointAt(0))
        && first.isCapitalised()
        && !first.sentenceStart();
  }

  /** A capitalised role is a title only before a name that opens as a person's does. */
  private boolean startsAsAPerson(Token t) {
    return lexicon.isGivenName(t) || lexicon.isFamilyNameFirst(t);
  }

  /**
   * The tokens [start, end) of the first name-like run after a title, skipping office words, "of
   * the" and one comma; null when there is none.
   *
   * @param lowerCaseTitle a role in lower case ("sculptor") must be followed by the name at once,
   *     or after a comma
   */
  private int[] nameAfter(ParagraphNames p, int from, boolean lowerCaseTitle) {
    boolean commaSeen = false;
    boolean organisationSkipped = false;
    int limit = Math.min(p.size(), from + MAX_SCAN);
    for (int k = from; k < limit; k++) {
      Token t = p.token(k);
      // "its spokesman, Mike Lake", but not "a spokesman for Yukos": only a comma may come between.
      if (lowerCaseTitle && k > from && !(k == from + 1 && p.token(from).is(','))) {
        return null;
      }
      if (names.isNameWord(p, k)) {
        int[] name = names.at(p, k, true);
        // "Chairman of the Federation of Economic Organisations": after an organisation's word,
        // one word is more of that organisation's name, and the person, if any, comes later
        // and in full ("Director of the Office of Management and Budget James Miller").
        if (name == null || !organisationSkipped || PersonNameRun.words(p, name[0], name[1]) >= 2) {
          return name;
        }
        k = name[1] - 1;
        continue;
      }
      Mention claimed = p.claimedBy(k);
      if (claimed != null && claimed.type() == EntityType.PERSON) {
        // The title belongs to a name that is already known ("President Xi Jinping").
        return null;
      }
      boolean skippable =
          (t.is(',') && !commaSeen)
              || (t.isWord() && (rules.isConnector(t) || t.key().equals("the")))
              || (t.kind() == Token.Kind.POSSESSIVE
                  && k > from
                  && rules.isOwnerInName(p.token(k - 1)))
              || (t.isCapitalised() || t.isAllCaps());
      if (!skippable) {
        return null;
      }
      commaSeen |= t.is(',');
      organisationSkipped |= rules.isOrgWord(t);
    }
    return null;
  }
}
