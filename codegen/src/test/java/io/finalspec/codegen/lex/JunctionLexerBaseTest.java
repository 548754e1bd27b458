package io.finalspec.codegen.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.finalspec.codegen.parse.TlaLexer;
import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The junction-list token filter on its own: which bullets open, continue and close lists. */
class JunctionLexerBaseTest {

  /** Token stream as text: synthetic tokens as {@code {and}, {and,}, {or}, }} and others as their text. */
  private static String tokens(String src) {
    TlaLexer lexer = new TlaLexer(CharStreams.fromString(src));
    List<Token> ts = lexer.drain();
    return ts.stream().map(t -> switch (t.getType()) {
      case TlaLexer.JL_OPEN_AND -> "{and";
      case TlaLexer.JL_OPEN_OR -> "{or";
      case TlaLexer.JL_BULLET_AND, TlaLexer.JL_BULLET_OR -> ";";
      case TlaLexer.JL_CLOSE -> "}";
      default -> t.getText();
    }).collect(Collectors.joining(" "));
  }

  /**
   * SANY's columns: a tab reaches the next multiple of 8. "A ==<tab>" puts the bullet at column 8,
   * as does a tab alone at the start of the next line, and as do 8 spaces; one space then a tab is
   * still column 8, a tab then a space is 9.
   */
  @Test
  void tabsAlignBulletsAtMultiplesOfEight() {
    assertEquals("A == {and a ; b } B", tokens("A ==\t/\\ a\n\t/\\ b\nB"));
    assertEquals("A == {and a ; b } B", tokens("A ==\t/\\ a\n        /\\ b\nB"));
    assertEquals("A == {and a ; b } B", tokens("A ==\t/\\ a\n \t/\\ b\nB"));
    assertEquals("A == {and a /\\ b } B", tokens("A ==\t/\\ a\n\t /\\ b\nB"));
  }

  @Test
  void sanyColumnCountsTabsToTheNextMultipleOfEight() {
    TlaLexer lexer = new TlaLexer(CharStreams.fromString("a\tb\n\t\tc\n  \td"));
    List<Integer> columns = new java.util.ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      columns.add(lexer.sanyColumn(t));
    }
    assertEquals(List.of(0, 8, 16, 8), columns);
  }

  @Test
  void nestedCommentsNestAndAnOpenOneIsAToken() {
    assertEquals("A == 1 B", tokens("A == (* x (* y *) z *) 1 B"));
    assertEquals("A == 1 (* (* y *)", tokens("A == 1 (* (* y *)"));
  }

  @Test
  void alignedBulletsFormOneList() {
    assertEquals("A == {and a ; b } B", tokens("A == /\\ a\n     /\\ b\nB"));
  }

  @Test
  void nestedListsCloseByColumn() {
    assertEquals("A == {and a ; {or b ; c } ; d } B",
        tokens("A == /\\ a\n     /\\ \\/ b\n        \\/ c\n     /\\ d\nB"));
  }

  @Test
  void bulletOfOtherKindAtSameColumnClosesAndIsInfix() {
    assertEquals("A == {and a } \\/ b", tokens("A == /\\ a\n     \\/ b"));
  }

  @Test
  void sameLineBulletIsInfix() {
    assertEquals("A == {and a /\\ b }", tokens("A == /\\ a /\\ b"));
  }

  @Test
  void closingBracketEndsList() {
    assertEquals("A == ( {and a ; b } ) \\/ c", tokens("A == (/\\ a\n      /\\ b) \\/ c"));
  }

  @Test
  void bracketsInsideItemDoNotEndIt() {
    assertEquals("{and f [ x ] ; { 1 , 2 } }", tokens("/\\ f[x]\n/\\ {1, 2}"));
  }

  @Test
  void thenElseEndListsOpenedAfterIf() {
    assertEquals("IF {and a ; b } THEN c ELSE d", tokens("IF /\\ a\n   /\\ b THEN c ELSE d"));
    assertEquals("{and IF a THEN b ELSE c ; d }", tokens("/\\ IF a THEN b ELSE c\n/\\ d"));
  }

  @Test
  void caseSeparatorEndsListInArm() {
    assertEquals("CASE a -> {and x /\\ y } [] b -> z", tokens("CASE a -> /\\ x /\\ y [] b -> z"));
    assertEquals("{and CASE a -> 1 [] b -> 2 ; c }", tokens("/\\ CASE a -> 1 [] b -> 2\n/\\ c"));
  }

  @Test
  void boxInPrefixPositionIsTemporal() {
    assertEquals("{and [] ( x ) ; y }", tokens("/\\ [](x)\n/\\ y"));
  }

  @Test
  void commaEndsListInsideTuple() {
    assertEquals("<< {and a } , b >>", tokens("<</\\ a, b>>"));
  }

  @Test
  void quantifierColonDoesNotEndList() {
    assertEquals("{and \\E x \\in S : p ; q }", tokens("/\\ \\E x \\in S : p\n/\\ q"));
  }

  @Test
  void fairnessSubscriptIsSplit() {
    assertEquals("WF_ vars ( A )", tokens("WF_vars(A)"));
  }

  @Test
  void textAfterModuleEndIsIgnored() {
    assertEquals("---- MODULE M ---- A == 1 ====", tokens("---- MODULE M ----\nA == 1\n====\n\" unterminated"));
  }
}
