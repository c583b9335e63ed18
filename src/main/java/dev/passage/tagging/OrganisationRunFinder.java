package dev.passage.tagging;

/**
 * Finds organisations that are not listed: runs of capitalised words that end in an organisation
 * word ("China-Kazakhstan Entrepreneurs Committee", "Samruk-Kazyna Sovereign Wealth Fund"), with
 * the complement that follows such a word ("Institute of International Studies", "Bank of China").
 * A run is read from its last organisation word leftwards, stopping at "the", titles and sentence
 * openers, so "Chief of Staff of the Presidential Office" yields "Presidential Office". A lone
 * organisation word ("the Parliament") is not a name.
 */
final class OrganisationRunFinder {

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
    return p.isFree(i) && (t.isCapitalised() || t.isAllCaps()) && !rules.isOpener(t);
  }

  private boolean isRunWord(ParagraphNames p, int i) {
    Token t = p.token(i);
    return p.isFree(i) && (t.isCapitalised() || t.isAllCaps() || (t.hyphenJoined() && t.isWord()));
  }

  /** The last token of the run that starts at {@code start}. */
  private int runEnd(ParagraphNames p, int start) {
    int last = start;
    int k = start + 1;
    while (k < p.size()) {
      Token t = p.token(k);
      if (isRunWord(p, k) && !rules.isOpener(t)) {
        last = k;
        k++;
        continue;
      }
      boolean glue =
          (t.isWord() && (rules.isConnector(t) || t.key().equals("the")))
              || t.is('&')
              || (t.kind() == Token.Kind.POSSESSIVE && rules.isOwnerInName(p.token(k - 1)));
      if (glue && k + 1 < p.size() && (isRunWord(p, k + 1) || isGlue(p.token(k + 1)))) {
        k++;
        continue;
      }
      break;
    }
    return last;
  }

  private boolean isGlue(Token t) {
    return t.isWord() && t.key().equals("the");
  }

  /** Reads organisations from the run [start, end], right to left. */
  private void readRun(ParagraphNames p, int start, int end) {
    int right = end;
    while (right >= start) {
      int word = lastOrgWord(p, start, right);
      if (word < 0) {
        return;
      }
      int nameEnd = complementEnd(p, word, right);
      int nameStart = leftEdge(p, start, word);
      // "Russian Federation", "United Kingdom": an organisation word inside a place's name.
      if (countWords(p, nameStart, nameEnd) >= 2 && !p.isPlace(word)) {
        p.claim(
            nameStart,
            nameEnd + 1,
            EntityType.ORGANISATION,
            p.span(nameStart, nameEnd + 1),
            "organisation word '" + p.token(word).text() + "'");
      }
      right = nameStart - 1;
    }
  }

  private int lastOrgWord(ParagraphNames p, int start, int right) {
    for (int k = right; k >= start; k--) {
      if (rules.isOrgWord(p.token(k))) {
        return k;
      }
    }
    return -1;
  }

  /** "Institute" + "of International Studies": the complement runs to a place or a title. */
  private int complementEnd(ParagraphNames p, int word, int right) {
    if (word + 2 > right || !rules.isConnector(p.token(word + 1))) {
      return word;
    }
    int end = word;
    for (int k = word + 1; k <= right; k++) {
      Token t = p.token(k);
      if (rules.isTitleWord(t) && t.isCapitalised()) {
        break;
      }
      if (isRunWord(p, k)) {
        end = k;
        if (p.isPlace(k) && !(k + 1 <= right && p.token(k + 1).hyphenJoined())) {
          break;
        }
      }
    }
    return end;
  }

  /** Where the name starts, reading left from its organisation word. */
  private int leftEdge(ParagraphNames p, int start, int word) {
    int edge = word;
    for (int k = word - 1; k >= start; k--) {
      Token t = p.token(k);
      if (t.key().equals("the")
          || rules.isOpener(t)
          || (rules.isTitleWord(t) && t.isCapitalised())) {
        break;
      }
      if (rules.isConnector(t) || t.kind() == Token.Kind.POSSESSIVE) {
        continue;
      }
      edge = k;
    }
    return edge;
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
