package dev.passage.tagging;

import java.util.Set;

/**
 * Finds organisations that are not listed: runs of capitalised words that end in an organisation
 * word ("China-Kazakhstan Entrepreneurs Committee", "Samruk-Kazyna Sovereign Wealth Fund"), with
 * the complement that follows such a word ("Institute of International Studies", "Bank of China").
 * A run is read from its last organisation word leftwards, stopping at "the", titles and sentence
 * openers, so "Chief of Staff of the Presidential Office" yields "Presidential Office". A lone
 * organisation word ("the Parliament") is not a name.
 */
final class OrganisationRunFinder {

  private static final Set<String> WEEKDAYS =
      Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  private final NameRules rules;

  OrganisationRunFinder(NameRules rules) {
    this.rules = rules;
  }

  void find(ParagraphNames p) {
    int i = 0;
    while (i < p.size()) {
      if (!startsRun(p, i)) {
        i++;
        continue;
      }
      int end = runEnd(p, i);
      readRun(p, i, end);
      i = end + 1;
    }
  }

  private boolean startsRun(ParagraphNames p, int i) {
    Token t = p.token(i);
    return p.isFree(i) && (t.isCapitalised() || t.isAllCaps()) && !isOpenerHere(t);
  }

  private boolean isRunWord(ParagraphNames p, int i) {
    Token t = p.token(i);
    return p.isFree(i)
        && (t.isCapitalised()
            || t.isAllCaps()
            || (t.hyphenJoined() && t.isWord() && !isParticiple(t)));
  }

  /**
   * An opener capitalised inside a sentence is part of a name ("shares of First Union rose"); at
   * the start of a sentence its capital proves nothing.
   */
  private boolean isOpenerHere(Token t) {
    return rules.isOpener(t) && (t.sentenceStart() || !t.isCapitalised());
  }

  /**
   * "Boston-based Reagan Communications", "state-owned": the place and its participle describe the
   * organisation; they are not part of its name.
   */
  private static boolean isParticiple(Token t) {
    return Character.isLowerCase(t.text().codePointAt(0)) && t.key().endsWith("ed");
  }

  /** "the Security Council on Friday": a day or month ends an organisation's complement. */
  private static boolean isTimeWord(Token t) {
    return WEEKDAYS.contains(t.key()) || YearFinder.isMonthWord(t.key());
  }

  /** The last token of the run that starts at {@code start}. */
  private int runEnd(ParagraphNames p, int start) {
    int last = start;
    int k = start + 1;
    while (k < p.size()) {
      Token t = p.token(k);
      if (isRunWord(p, k) && !isOpenerHere(t)) {
        last = k;
        k++;
        continue;
      }
      boolean glue =
          (t.isWord() && (rules.isConnector(t) || t.key().equals("the") || t.key().equals("and")))
              || t.is('&')
              || (t.kind() == Token.Kind.POSSESSIVE && rules.isOwnerInName(p.token(k - 1)))
              || isPartnersComma(p, k);
      if (glue && k + 1 < p.size() && (isRunWord(p, k + 1) || isGlue(p.token(k + 1)))) {
        k++;
        continue;
      }
      break;
    }
    return last;
  }

  /** "Goldman, Sachs and Co", "Kidder, Peabody and Co Inc": a partnership's name holds a comma. */
  private boolean isPartnersComma(ParagraphNames p, int k) {
    return p.token(k).is(',')
        && k + 3 < p.size()
        && isRunWord(p, k + 1)
        && p.token(k + 2).key().equals("and")
        && rules.isLegalForm(p.token(k + 3))
        && p.token(k + 3).isCapitalised();
  }

  private boolean isGlue(Token t) {
    return t.isWord() && t.key().equals("the");
  }

  /**
   * Whether the run [start, end] is the rest of a company's name that a listed organisation's name
   * opens: "Morgan Guaranty Trust Co of New York" is Morgan Guaranty, and "Co of New York" no other
   * organisation. A body of the listed one keeps its own name ("United Nations Security Council").
   */
  private boolean continuesListedOrganisation(ParagraphNames p, int start, int end) {
    Mention before = start > 0 ? p.claimedBy(start - 1) : null;
    if (before == null || before.type() != EntityType.ORGANISATION) {
      return false;
    }
    for (int k = start; k <= end; k++) {
      if (rules.isLegalForm(p.token(k))) {
        return true;
      }
    }
    return false;
  }

  /** Reads organisations from the run [start, end], right to left. */
  private void readRun(ParagraphNames p, int start, int end) {
    int right = end;
    while (right >= start) {
      int word = lastOrgWord(p, start, right);
      if (word < 0) {
        return;
      }
      int nameStart = leftEdge(p, start, word);
      int nameEnd = complementEnd(p, nameStart, word, right);
      // "Russian Federation", "United Kingdom": an organisation word inside a place's name.
      if (countWords(p, nameStart, nameEnd) >= 2
          && !p.isPlace(word)
          && !onlyLegalForms(p, nameStart, nameEnd)
          && !continuesListedOrganisation(p, nameStart, nameEnd)) {
        p.claim(
            nameStart,
            nameEnd + 1,
            EntityType.ORGANISATION,
            name(p, nameStart, nameEnd),
            "organisation word '" + p.token(word).text() + "'");
      }
      right = nameStart - 1;
    }
  }

  /**
   * The name as written, except that an acronym's legal forms are left out: "GAF Corp" and "CSR
   * Ltd" are the GAF and CSR that the text also writes alone, one company each.
   */
  private String name(ParagraphNames p, int from, int to) {
    if (p.token(from).isAllCaps() && from < to && onlyLegalForms(p, from + 1, to)) {
      return p.token(from).text();
    }
    return p.span(from, to + 1);
  }

  /** "Co Inc", "Co Ltd": legal forms left over from a name, not a name. */
  private boolean onlyLegalForms(ParagraphNames p, int from, int to) {
    for (int k = from; k <= to; k++) {
      Token t = p.token(k);
      if (t.isWord() && !rules.isLegalForm(t) && !rules.isConnector(t) && !t.key().equals("and")) {
        return false;
      }
    }
    return true;
  }

  private int lastOrgWord(ParagraphNames p, int start, int right) {
    for (int k = right; k >= start; k--) {
      if (rules.isOrgWord(p.token(k))) {
        return k;
      }
    }
    return -1;
  }

  /**
   * "Institute" + "of International Studies": the complement runs to a place or a title. After the
   * run's last organisation word, "and" joins the next name ("Tyson Foods and Michael Rogers",
   * "Drexel Burnham Lambert Inc and Donaldson") unless that word is itself in a complement ("Agency
   * of Natural Resources and Energy").
   */
  private int complementEnd(ParagraphNames p, int nameStart, int word, int right) {
    if (word + 2 > right || !rules.isConnector(p.token(word + 1))) {
      return word;
    }
    Token next = p.token(word + 1);
    if ((next.key().equals("and") || next.is('&'))
        && (!inComplement(p, nameStart, word)
            || rules.isLegalForm(p.token(word))
            || p.token(word + 2).key().equals("the"))) {
      return word;
    }
    int end = word;
    for (int k = word + 1; k <= right; k++) {
      Token t = p.token(k);
      if (startsTitledPerson(p, k) || isTimeWord(t)) {
        break;
      }
      if (isRunWord(p, k)) {
        end = k;
        // A place ends the complement, after all its words: "Reserve Bank of New Zealand".
        if (p.isPlace(k)
            && !(k + 1 <= right && (p.token(k + 1).hyphenJoined() || p.isPlace(k + 1)))) {
          break;
        }
      }
    }
    return end;
  }

  /** Whether a connector other than "and" comes before {@code word} in its name ("of", "for"). */
  private boolean inComplement(ParagraphNames p, int nameStart, int word) {
    for (int k = nameStart; k < word; k++) {
      Token t = p.token(k);
      if (rules.isConnector(t) && !t.key().equals("and") && !t.is('&')) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Bank of China Governor Zhou Xiaochuan": a title before a name ends the complement; a word that
   * titles also use does not ("Department of Energy", "Department of Justice").
   */
  private boolean startsTitledPerson(ParagraphNames p, int k) {
    // A title starts with a word of titles: a set lookup before the phrase lookup.
    if (!p.token(k).isCapitalised() || !rules.isTitleWord(p.token(k))) {
      return false;
    }
    PhraseTrie.Match<String> title = rules.titleAt(p.tokens, k);
    return title != null && title.end() < p.size() && p.token(title.end()).isCapitalised();
  }

  /** Where the name starts, reading left from its organisation word. */
  private int leftEdge(ParagraphNames p, int start, int word) {
    int edge = word;
    for (int k = word - 1; k >= start; k--) {
      Token t = p.token(k);
      // "Food and Drug Administration", "Savings and Loan Association": "and" joins a short head
      // to its name; before a longer one it joins two names ("Chrysler and American Motors Corp").
      if (t.key().equals("and")) {
        if (word - k > 2 || k == start || rules.isOrgWord(p.token(k - 1))) {
          break;
        }
        continue;
      }
      // A title ends the name ("Chief of Staff of the Presidential Office"); a word that only
      // belongs to titles does not ("First Union Corp").
      if (t.key().equals("the")
          || isOpenerHere(t)
          || (t.isCapitalised() && rules.titleAt(p.tokens, k) != null)) {
        break;
      }
      if (t.kind() == Token.Kind.POSSESSIVE || t.is('&')) {
        continue;
      }
      if (rules.isConnector(t)) {
        // "Ministry of Natural Resources" reads on to its head word; in "John Casesa of Schroder
        // Wertheim & Co" nothing on the left heads a name, so "of" joins a person to it.
        if (!hasOrgWord(p, start, k)) {
          break;
        }
        continue;
      }
      edge = k;
    }
    return edge;
  }

  private boolean hasOrgWord(ParagraphNames p, int from, int to) {
    for (int k = from; k < to; k++) {
      if (rules.isOrgWord(p.token(k))) {
        return true;
      }
    }
    return false;
  }

  private int countWords(ParagraphNames p, int from, int to) {
    int words = 0;
    for (int k = from; k <= to; k++) {
      Token t = p.token(k);
      if ((t.isCapitalised() || t.isAllCaps()) && !t.hyphenJoined()) {
        words++;
      }
    }
    return words;
  }
}
