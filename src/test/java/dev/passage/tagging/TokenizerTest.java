package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void possessivesSplitFromTheirWord() {
    List<Token> tokens = Tokenizer.tokenize("President Nazarbayev’s visit");
    assertThat(tokens)
        .extracting(Token::text)
        .containsExactly("President", "Nazarbayev", "’s", "visit");
    assertThat(tokens.get(2).kind()).isEqualTo(Token.Kind.POSSESSIVE);
  }

  @Test
  void hyphenatedPartsAreWordsJoinedToTheirNeighbour() {
    List<Token> tokens = Tokenizer.tokenize("Kassym-Jomart Tokayev and China- Kazakhstan");
    assertThat(tokens)
        .extracting(Token::text, Token::hyphenJoined)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Kassym", false),
            org.assertj.core.groups.Tuple.tuple("Jomart", true),
            org.assertj.core.groups.Tuple.tuple("Tokayev", false),
            org.assertj.core.groups.Tuple.tuple("and", false),
            org.assertj.core.groups.Tuple.tuple("China", false),
            org.assertj.core.groups.Tuple.tuple("-", false),
            org.assertj.core.groups.Tuple.tuple("Kazakhstan", false));
  }

  @Test
  void offsetsPointAtTheCharactersAsWritten() {
    String text = "Met Wang Yi.";
    Token wang = Tokenizer.tokenize(text).get(1);
    assertThat(text.substring(wang.start(), wang.end())).isEqualTo("Wang");
  }

  @Test
  void sentencesStartAfterAFullStopButNotAfterAnAbbreviation() {
    List<Token> tokens = Tokenizer.tokenize("He left. Ms. Akram stayed.");
    assertThat(tokens)
        .filteredOn(Token::sentenceStart)
        .extracting(Token::text)
        .containsExactly("He", "Ms");
  }

  @Test
  void keysAreLowerCaseAndAccentFree() {
    assertThat(Tokenizer.key("Erdoğan’S")).isEqualTo("erdogan's");
  }
}
