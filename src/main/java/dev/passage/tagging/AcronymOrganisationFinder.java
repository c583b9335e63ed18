package dev.passage.tagging;

/**
 * Takes an acronym that nothing else explained ("KDP", "FOMC", "CNBC") for an organisation: in
 * news, an unexplained word in capitals is an organisation far more often than anything else. Words
 * in capitals that are not organisations ("GDP", "CEO", "TV") are listed in {@code name-rules.tsv}
 * as {@code common-acronym}, legal forms ("AG") and months ("APRIL") are not either, Roman numerals
 * are skipped, and paragraphs written all in capitals (headlines) are left alone. It runs last,
 * after acronyms the article defines have been resolved.
 */
final class AcronymOrganisationFinder {

  static final int MIN_LETTERS = 2;
  static final int MAX_LETTERS = 6;

  private final NameRules rules;

  AcronymOrganisationFinder(NameRules rules) {
    this.rules = rules;
  }

  void find(ParagraphNames p) {
    if (p.text.codePoints().noneMatch(Character::isLowerCase)) {
      return;
    }
    for (int i = 0; i < p.size(); i++) {
      Token t = p.token(i);
      if (isUnexplainedAcronym(p, i)) {
        p.claim(i, i + 1, EntityType.ORGANISATION, t.text(), "acronym '" + t.text() + "'");
      }
    }
  }

  private boolean isUnexplainedAcronym(ParagraphNames p, int i) {
    Token t = p.token(i);
    if (!t.isAllCaps()
        || !p.isFree(i)
        || p.isPlace(i)
        || t.hyphenJoined()
        || t.text().length() < MIN_LETTERS
        || t.text().length() > MAX_LETTERS
        || !t.text().chars().allMatch(Character::isLetter)
        || rules.isCommonAcronym(t)
        || rules.isLegalForm(t)
        || YearFinder.isMonthWord(t.key())
        || isRomanNumeral(t.text())) {
      return false;
    }
    // "KDP" alone, not inside a run of capitals that other rules declined ("NEW YORK").
    boolean capsBefore = i > 0 && p.token(i - 1).isAllCaps();
    boolean capsAfter = i + 1 < p.size() && p.token(i + 1).isAllCaps();
    boolean joined = i + 1 < p.size() && p.token(i + 1).hyphenJoined();
    // "ISSUE: …" labels a field; "MAHALA, Bosnia" opens a dateline with a place.
    boolean label = i + 1 < p.size() && p.token(i + 1).is(':');
    boolean dateline = i == 0 && p.size() > 1 && p.token(1).is(',');
    return !capsBefore && !capsAfter && !joined && !label && !dateline;
  }

  static boolean isRomanNumeral(String text) {
    return text.matches("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");
  }
}
