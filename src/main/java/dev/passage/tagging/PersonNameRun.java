package dev.passage.tagging;

/**
 * The words of a person's name as they stand in a paragraph: capitalised words that are not titles,
 * offices, organisation words or places, with initials ("John F. Kennedy"), hyphenated parts
 * ("Kassym-Jomart") and particles ("Ludwig van Beethoven"). Shared by the finders that know where a
 * name starts.
 */
final class PersonNameRun {

  /** A name is at most this many words ("Recep Tayyip Erdogan", "James Leander Leo Nichols"). */
  static final int MAX_NAME_WORDS = 4;

  private final NameRules rules;
  private final NameLexicon lexicon;

  PersonNameRun(NameRules rules, NameLexicon lexicon) {
    this.rules = rules;
    this.lexicon = lexicon;
  }

  /**
   * The tokens [start, end) of the name that starts at {@code start}, or null when it is too long
   * or is the start of an organisation's name ("President Nazarbayev University").
   *
   * @param afterTitle whether a title stands before the name, so that its first word is a name
   *     whatever the lists say
   */
  int[] at(ParagraphNames p, int start, boolean afterTitle) {
    int end = start + 1;
    int words = 1;
    while (end < p.size()) {
      Token t = p.token(end);
      if (t.hyphenJoined() && t.isWord() && p.isFree(end)) {
        end++;
      } else if (t.is('.') && p.token(end - 1).text().length() == 1) {
        end++;
      } else if (isNameWord(p, end)) {
        end++;
        words++;
      } else if (isInitialBeforeName(p, end)) {
        end += 2;
        words++;
      } else if (rules.isParticle(t) && end + 1 < p.size() && isNameWord(p, end + 1)) {
        end += 2;
        words++;
      } else {
        break;
      }
    }
    if (isSurnameTitle(p, start, end, afterTitle)) {
      end++;
      words++;
    }
    if (words > MAX_NAME_WORDS) {
      return null;
    }
    if (opensOrganisation(p, end)) {
      return null;
    }
    if (p.token(end - 1).is('.')) {
      end--;
    }
    return new int[] {start, end};
  }

  /**
   * The person's name in tokens [start, end), as written but without a middle initial after a given
   * name: "Dudley S. Taft" is "Dudley Taft", as wires write him most days, so that a facet shows
   * one person once. Initials that stand for the given names stay ("W.A. Kistler").
   */
  static String name(ParagraphNames p, int start, int end) {
    StringBuilder name = new StringBuilder();
    int from = start;
    boolean givenWord = false;
    for (int k = start; k < end; k++) {
      Token t = p.token(k);
      if (isInitial(p, k) && !t.hyphenJoined() && givenWord && fullWordIn(p, k + 2, end)) {
        if (k > from) {
          name.append(name.isEmpty() ? "" : " ").append(p.span(from, k));
        }
        from = k + 2;
        k++;
      } else if (t.isWord() && t.text().length() > 1) {
        givenWord = true;
      }
    }
    name.append(name.isEmpty() ? "" : " ").append(p.span(from, end));
    return name.toString();
  }

  /** Whether tokens [from, end) hold a word of more than one letter: a surname after initials. */
  private static boolean fullWordIn(ParagraphNames p, int from, int end) {
    for (int k = from; k < end; k++) {
      if (p.token(k).isWord() && p.token(k).text().length() > 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the capitalised words from {@code end} lead to an organisation word, so that the run
   * before them starts an organisation's name: "President Nazarbayev University", "Exco
   * International Inc", "Christian Social Union Party".
   */
  private boolean opensOrganisation(ParagraphNames p, int end) {
    for (int k = end; k < Math.min(p.size(), end + MAX_NAME_WORDS); k++) {
      Token t = p.token(k);
      if (rules.isOrgWord(t)) {
        return true;
      }
      if (!t.isCapitalised() || !p.isFree(k)) {
        return false;
      }
    }
    return false;
  }

  /** A word of one letter with its dot: "A." of "Laurence A. Tisch". */
  private static boolean isInitial(ParagraphNames p, int k) {
    return p.token(k).isWord()
        && p.token(k).text().length() == 1
        && k + 1 < p.size()
        && p.token(k + 1).is('.');
  }

  private boolean isInitialOrRegnalI(ParagraphNames p, int k) {
    if (isInitial(p, k)) {
      return true;
    }
    boolean wordAfter = k + 1 < p.size() && p.token(k + 1).isWord();
    // A title before the given name makes it a ruler's number even before a word: "Queen
    // Elizabeth I in"; without one, "John I will" is the pronoun.
    boolean ruler = k > 1 && rules.isTitleWord(p.token(k - 2));
    return k > 0 && lexicon.isGivenName(p.token(k - 1)) && (!wordAfter || ruler);
  }

  /** The number of name words in tokens [start, end): hyphenated parts and initials' dots aside. */
  static int words(ParagraphNames p, int start, int end) {
    int words = 0;
    for (int k = start; k < end; k++) {
      Token t = p.token(k);
      if (t.isWord() && !t.hyphenJoined() && Character.isUpperCase(t.text().codePointAt(0))) {
        words++;
      }
    }
    return words;
  }

  /**
   * Whether the word at {@code end} is the surname of the given names before it though the lists
   * keep it out of names: a one-word title ("Mervyn King", "Brian Singer") or a word the rules list
   * as a surname ("John Major", "Theresa May", "Tony Jordan"). It must end the run: before another
   * capitalised word, "of" or a number it is what the lists say ("May 5"). After the one name word
   * a title announced, only a title can be the surname ("Judge Brian Singer").
   */
  private boolean isSurnameTitle(ParagraphNames p, int start, int end, boolean afterTitle) {
    if (end >= p.size() || !p.isFree(end)) {
      return false;
    }
    Token t = p.token(end);
    if (!t.isCapitalised() || t.isAllCaps() || t.hyphenJoined()) {
      return false;
    }
    if (end + 1 < p.size()) {
      Token next = p.token(end + 1);
      if (next.isCapitalised() || next.key().equals("of") || next.kind() == Token.Kind.NUMBER) {
        return false;
      }
    }
    PhraseTrie.Match<String> title = rules.titleAt(p.tokens, end);
    boolean oneWordTitle = title != null && title.end() == end + 1;
    if (oneWordTitle && afterTitle && end == start + 1) {
      return true;
    }
    if (!oneWordTitle && !rules.isSurname(t)) {
      return false;
    }
    for (int k = start; k < end; k++) {
      Token word = p.token(k);
      if (word.isWord() && !word.hyphenJoined() && !lexicon.isGivenName(word)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An initial the lists would refuse as a word ("A" opens sentences) inside a name: "Laurence A.
   * Tisch". Only with its dot and a name word after it.
   */
  private boolean isInitialBeforeName(ParagraphNames p, int k) {
    return p.token(k).isCapitalised()
        && isInitial(p, k)
        && p.isFree(k)
        && k + 2 < p.size()
        && isNameWord(p, k + 2);
  }

  /**
   * A capitalised word that could be part of a person's name. The pronoun "I" is none ("an artist I
   * admire"): "I" is an initial with its dot, or a ruler's number after a given name that a title
   * announced or that no word follows ("Queen Elizabeth I in", "Charles I,").
   */
  boolean isNameWord(ParagraphNames p, int k) {
    Token t = p.token(k);
    if (t.text().equals("I") && !isInitialOrRegnalI(p, k)) {
      return false;
    }
    return t.isCapitalised()
        && !t.isAllCaps()
        && !t.hyphenJoined()
        && p.isFree(k)
        && !p.isPlace(k)
        && !rules.isNotAName(t)
        && !rules.isTitleWord(t)
        && !rules.isOrgWord(t);
  }
}
