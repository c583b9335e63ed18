package dev.passage.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * One paragraph while names are being found: its tokens, which tokens a name has already claimed,
 * and which tokens are places. Each finder claims the tokens of the names it finds, so a later,
 * weaker rule cannot read the same words differently.
 */
final class ParagraphNames {

  final int index;
  final String text;
  final List<Token> tokens;
  private final Mention[] claimedBy;
  private final boolean[] place;
  private final List<Mention> mentions = new ArrayList<>();

  ParagraphNames(int index, String text) {
    this.index = index;
    this.text = text;
    this.tokens = Tokenizer.tokenize(text);
    this.claimedBy = new Mention[tokens.size()];
    this.place = new boolean[tokens.size()];
  }

  int size() {
    return tokens.size();
  }

  Token token(int i) {
    return tokens.get(i);
  }

  /** True when no name has claimed any token in [from, to). */
  boolean isFree(int from, int to) {
    for (int i = from; i < to; i++) {
      if (claimedBy[i] != null) {
        return false;
      }
    }
    return true;
  }

  boolean isFree(int i) {
    return claimedBy[i] == null;
  }

  Mention claimedBy(int i) {
    return claimedBy[i];
  }

  boolean isPlace(int i) {
    return place[i];
  }

  void markPlace(int from, int to) {
    for (int i = from; i < to; i++) {
      place[i] = true;
    }
  }

  /** The text of tokens [from, to), as written. */
  String span(int from, int to) {
    return text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
  }

  /** Records a name found at tokens [from, to) and claims those tokens. */
  Mention claim(int from, int to, EntityType type, String name, String rule) {
    Mention m =
        new Mention(
            type,
            name,
            index,
            tokens.get(from).start(),
            tokens.get(to - 1).end(),
            span(from, to),
            rule);
    for (int i = from; i < to; i++) {
      claimedBy[i] = m;
    }
    mentions.add(m);
    return m;
  }

  /** Gives mention {@code m} a new name, keeping where it was found. */
  void rename(Mention m, String name, String rule) {
    replace(m, new Mention(m.type(), name, m.paragraph(), m.start(), m.end(), m.matched(), rule));
  }

  private void replace(Mention m, Mention renamed) {
    for (int i = 0; i < claimedBy.length; i++) {
      if (claimedBy[i] == m) {
        claimedBy[i] = renamed;
      }
    }
    mentions.set(mentions.indexOf(m), renamed);
  }

  /**
   * Makes mention {@code m} a name that is no tag, keeping its words claimed so that no later rule
   * reads them as another name.
   */
  void demote(Mention m, String rule) {
    replace(
        m,
        new Mention(
            EntityType.OTHER, m.name(), m.paragraph(), m.start(), m.end(), m.matched(), rule));
  }

  /** The mentions found so far, in the order found. */
  List<Mention> mentions() {
    return mentions;
  }
}
