package dev.passage.tagging;

/**
 * Finds people whom no title announces, by the shape of their names: a given name followed by one
 * to three name words ("Ross Perot", "Karl Otto Poehl", "John F. Kennedy"), or a family name that
 * is written first followed by one or two given names ("Wang Donghai", "Kim Young-sam"). It runs
 * after the organisation rules, so "Morgan Stanley Group" is already an organisation by then.
 */
final class NameShapeFinder {

  /** Given names written after a family name are short syllables ("Donghai", "Dae-jung"). */
  private static final int MAX_GIVEN_AFTER_FAMILY = 2;

  private final NameLexicon lexicon;
  private final PersonNameRun names;

  NameShapeFinder(NameLexicon lexicon, NameRules rules) {
    this.lexicon = lexicon;
    this.names = new PersonNameRun(rules, lexicon);
  }

  void find(ParagraphNames p) {
    int i = 0;
    while (i < p.size()) {
      int[] name = nameAt(p, i);
      if (name == null) {
        i++;
        continue;
      }
      Token first = p.token(i);
      String rule =
          lexicon.isGivenName(first)
              ? "given name '" + first.text() + "'"
              : "family name '" + first.text() + "' first";
      p.claim(name[0], name[1], EntityType.PERSON, PersonNameRun.name(p, name[0], name[1]), rule);
      i = name[1];
    }
  }

  private int[] nameAt(ParagraphNames p, int i) {
    Token t = p.token(i);
    boolean given = lexicon.isGivenName(t);
    boolean family = !given && lexicon.isFamilyNameFirst(t);
    // A capitalised word before the given name is a role no list knows ("Archbishop Desmond
    // Tutu", "Democrat Bob Dole"): the name still starts at the given name.
    if (!(given || family) || !names.isNameWord(p, i)) {
      return null;
    }
    int[] run = names.at(p, i, false);
    if (run == null) {
      return null;
    }
    int words = PersonNameRun.words(p, run[0], run[1]);
    if (words < 2 || (family && words - 1 > MAX_GIVEN_AFTER_FAMILY)) {
      return null;
    }
    return run;
  }
}
