package dev.passage.tagging;

/**
 * Claims stock ticker codes, which wires write in angle brackets after a company's name ("Boeing Co
 * &lt;BA&gt;", "Volvo &lt;VOLV ST&gt;", "&lt;RUCF.PA&gt;"), as no name, so that no rule reads "BA"
 * as an organisation of its own. A name in brackets ("&lt;Airbus Industrie&gt;") is left to the
 * other finders: it has lower-case letters.
 */
final class TickerFinder {

  /** The most tokens between the brackets: "VOLV", "ST" or "RUCF", ".", "PA". */
  private static final int LONGEST = 5;

  void find(ParagraphNames p) {
    if (p.text.indexOf('<') < 0) {
      return;
    }
    for (int i = 0; i < p.size(); i++) {
      if (!p.token(i).is('<')) {
        continue;
      }
      int close = closingBracket(p, i);
      if (close > i + 1 && p.isFree(i + 1, close)) {
        p.claim(i + 1, close, EntityType.OTHER, p.span(i + 1, close), "stock ticker code");
        i = close;
      }
    }
  }

  /** The index of the '>' that closes a ticker opened at {@code open}, or -1. */
  private static int closingBracket(ParagraphNames p, int open) {
    boolean letters = false;
    for (int k = open + 1; k < p.size() && k <= open + LONGEST + 1; k++) {
      Token t = p.token(k);
      if (t.is('>')) {
        return letters ? k : -1;
      }
      boolean code =
          (t.isWord() && t.text().chars().noneMatch(Character::isLowerCase))
              || t.kind() == Token.Kind.NUMBER
              || t.is('.');
      if (!code) {
        return -1;
      }
      letters |= t.isWord();
    }
    return -1;
  }
}
