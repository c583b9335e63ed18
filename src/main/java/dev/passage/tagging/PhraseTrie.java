package dev.passage.tagging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Phrases of words, looked up at a position of a token list with the longest match winning, so that
 * "Shanghai Cooperation Organisation" beats "Shanghai". One pass over a paragraph finds every
 * listed phrase, however long the list.
 */
final class PhraseTrie<V> {

  /** A match: the tokens [start, end) and the value of the phrase. */
  record Match<V>(int start, int end, V value) {}

  private static final class Node<V> {
    final Map<String, Node<V>> next = new HashMap<>();
    V value;
  }

  private final Node<V> root = new Node<>();

  /**
   * Adds a phrase. Words written in capitals ("SCO") only match in capitals; others match in any
   * case.
   *
   * @return false when the phrase has no words
   */
  boolean add(String phrase, V value) {
    return add(phrase, value, (old, added) -> added);
  }

  /**
   * Adds a phrase, its value combined by {@code merge} with the value of a phrase already listed
   * that matches the same words.
   *
   * @return false when the phrase has no words
   */
  boolean add(String phrase, V value, BinaryOperator<V> merge) {
    List<Token> words = words(Tokenizer.tokenize(phrase));
    if (words.isEmpty()) {
      return false;
    }
    Node<V> node = root;
    for (Token word : words) {
      node = node.next.computeIfAbsent(edge(word), k -> new Node<>());
    }
    node.value = node.value == null ? value : merge.apply(node.value, value);
    return true;
  }

  /** The longest phrase that starts at token {@code start}, or null. */
  Match<V> longestAt(List<Token> tokens, int start) {
    Node<V> node = root;
    Match<V> best = null;
    int i = start;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (isAbbreviationDot(tokens, i) && i > start) {
        i++;
        continue;
      }
      if (t.kind() == Token.Kind.PUNCTUATION && !isKept(t)) {
        break;
      }
      Node<V> next = t.isAllCaps() ? node.next.get("=" + t.text()) : null;
      if (next == null) {
        next = node.next.get(t.key());
      }
      if (next == null) {
        break;
      }
      node = next;
      i++;
      if (node.value != null) {
        int end = i < tokens.size() && isAbbreviationDot(tokens, i) ? i + 1 : i;
        best = new Match<>(start, end, node.value);
      }
    }
    return best;
  }

  private static String edge(Token word) {
    return word.isAllCaps() ? "=" + word.text() : word.key();
  }

  private static List<Token> words(List<Token> tokens) {
    return tokens.stream().filter(t -> t.kind() != Token.Kind.PUNCTUATION || isKept(t)).toList();
  }

  /** "AT&T", "Goldman, Sachs and Co": the punctuation a listed name may hold. */
  private static boolean isKept(Token t) {
    return t.is('&') || t.is(',');
  }

  /** The period of "U.S." or "U.N.", which belongs to the name. */
  private static boolean isAbbreviationDot(List<Token> tokens, int i) {
    return tokens.get(i).is('.')
        && i > 0
        && tokens.get(i - 1).isWord()
        && tokens.get(i - 1).text().length() == 1
        && tokens.get(i).start() == tokens.get(i - 1).end();
  }
}
