package io.finalspec.codegen.lex;

import static io.finalspec.codegen.parse.TlaLexer.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Token filter between the raw TLA+ lexer and the parser that turns bulleted conjunction and
 * disjunction lists into explicit brackets, following SANY's rules (Specifying Systems, 15.2.1):
 *
 * <ul>
 *   <li>A {@code /\} or {@code \/} in prefix position (where an operand is expected) opens a list
 *       whose column is the bullet's column: {@code JL_OPEN_AND}/{@code JL_OPEN_OR}.</li>
 *   <li>A bullet of the same kind at exactly that column starts the next item: {@code JL_BULLET_*}.</li>
 *   <li>Any other token at or left of the column closes the list ({@code JL_CLOSE}), and so does a
 *       token that cannot belong to the current item: an unmatched closing bracket, {@code THEN},
 *       {@code ELSE}, {@code IN}, a comma, a CASE separator {@code []}, ... (the parser would stop
 *       the item there; SANY ends the list because no further bullet can follow).</li>
 * </ul>
 *
 * Each open list keeps a small stack of brackets and keyword constructs opened inside its current
 * item, so that only the closers that belong to an enclosing construct end it. Tokens that can
 * never be part of an expression (proof keywords and step labels, unit keywords such as
 * {@code THEOREM} or {@code VARIABLE}, {@code ----} and {@code ====}) end every open list.
 *
 * <p>Columns are SANY's: its JavaCC character stream counts a tab as reaching the next multiple of
 * 8 (0-based), so a tab-indented bullet is at the column an 8-wide tab shows, whatever the
 * editor's setting. This class also reads nested {@code (* *)} comments, splits
 * {@code WF_v}/{@code SF_v} identifiers, turns the letters {@code ℕ ℤ ℝ} into the identifiers
 * {@code Nat Int Real}, and ends the token stream after the module's closing {@code ====} (text
 * after it is ignored, as by SANY).
 */
public abstract class JunctionLexerBase extends Lexer {

  private enum Open { PAREN, BRACK, BRACE, ANGLE, IF, THEN, LET, CASE, QUANT, ASSUME }

  /** SANY's tab stops (JavaCC's SimpleCharStream default): a tab moves to the next multiple of 8. */
  public static final int TAB_SIZE = 8;

  private static final class JList {
    final boolean conj;
    final int column;
    final Deque<Open> stack = new ArrayDeque<>();

    JList(boolean conj, int column) {
      this.conj = conj;
      this.column = column;
    }
  }

  private final Deque<JList> lists = new ArrayDeque<>();
  private final Deque<Token> pending = new ArrayDeque<>();
  private int lastType = -1;
  private int moduleDepth = 0;
  private int prevRaw = -1;
  private boolean finished = false;
  private int columnLine = -1;
  private int columnIndex;
  private int columnValue;

  /** Tokens that cannot occur inside an expression: they end every open junction list. */
  private static boolean endsEveryList(int type) {
    switch (type) {
      case PROOF: case BY: case OBVIOUS: case OMITTED: case QED: case DEF: case USE: case HIDE:
      case STEP_DOT: case THEOREM: case ASSUMPTION: case VARIABLE: case CONSTANT: case LOCAL:
      case SEP: case END: case MODULE: case EXTENDS: case HAVE: case TAKE: case WITNESS: case PICK:
      case SUFFICES: case DEFINE:
        return true;
      default:
        return false;
    }
  }

  protected JunctionLexerBase(CharStream input) {
    super(input);
  }

  @Override
  public Token nextToken() {
    while (pending.isEmpty()) {
      if (finished) {
        return eof();
      }
      Token raw = super.nextToken();
      for (Token t : splitFairness(raw)) {
        process(t);
      }
    }
    Token t = pending.poll();
    lastType = t.getType();
    return t;
  }

  private Token eof() {
    CommonToken t = new CommonToken(_tokenFactorySourcePair, Token.EOF, DEFAULT_TOKEN_CHANNEL,
        _input.index(), _input.index() - 1);
    t.setLine(getLine());
    t.setCharPositionInLine(getCharPositionInLine());
    t.setText("<EOF>");
    return t;
  }

  /**
   * Called by the lexer after {@code (*}: reads up to the matching {@code *)}, counting nested
   * comments, and skips the whole comment; at the end of the input it leaves an
   * {@code UNTERMINATED_COMMENT} token instead (SANY: "EOF reached, possibly open comment").
   */
  protected void blockComment() {
    int depth = 1;
    while (depth > 0) {
      int c = _input.LA(1);
      if (c == CharStream.EOF) {
        setType(UNTERMINATED_COMMENT);
        return;
      }
      if (c == '(' && _input.LA(2) == '*') {
        consumeChars(2);
        depth++;
      } else if (c == '*' && _input.LA(2) == ')') {
        consumeChars(2);
        depth--;
      } else {
        consumeChars(1);
      }
    }
    skip();
  }

  private void consumeChars(int n) {
    for (int i = 0; i < n; i++) {
      getInterpreter().consume(_input);
    }
  }

  /**
   * The token's column as SANY counts it (0-based): tabs reach the next multiple of
   * {@link #TAB_SIZE}. Tokens arrive in order, so each line is scanned once.
   */
  public int sanyColumn(Token t) {
    int start = t.getStartIndex();
    if (t.getLine() != columnLine || start < columnIndex) {
      columnLine = t.getLine();
      columnIndex = start - t.getCharPositionInLine();
      columnValue = 0;
    }
    for (; columnIndex < start; columnIndex++) {
      columnValue = _input.LA(columnIndex - _input.index()) == '\t'
          ? (columnValue / TAB_SIZE + 1) * TAB_SIZE : columnValue + 1;
    }
    return columnValue;
  }

  /** {@code ℕ ℤ ℝ} are the standard sets {@code Nat Int Real}: identifiers from here on. */
  private static Token setLetter(Token raw) {
    CommonToken t = new CommonToken(raw);
    t.setType(IDENT);
    switch (raw.getText()) {
      case "\u2115": t.setText("Nat"); break;
      case "\u2124": t.setText("Int"); break;
      default: t.setText("Real"); break;
    }
    return t;
  }

  /** {@code WF_vars} is one identifier to the lexer; TLA+ reads it as {@code WF_} then {@code vars}. */
  private List<Token> splitFairness(Token raw) {
    if (raw.getType() == SET_LETTER) {
      return List.of(setLetter(raw));
    }
    String text = raw.getText();
    if (raw.getType() != IDENT || !(text.startsWith("WF_") || text.startsWith("SF_"))) {
      return List.of(raw);
    }
    CommonToken head = new CommonToken(raw);
    head.setType(text.startsWith("WF_") ? WF : SF);
    head.setText(text.substring(0, 3));
    head.setStopIndex(raw.getStartIndex() + 2);
    if (text.length() == 3) {
      return List.of(head);
    }
    CommonToken tail = new CommonToken(raw);
    tail.setText(text.substring(3));
    tail.setStartIndex(raw.getStartIndex() + 3);
    tail.setCharPositionInLine(raw.getCharPositionInLine() + 3);
    return List.of(head, tail);
  }

  private void process(Token t) {
    int type = t.getType();
    if (type == Token.EOF) {
      closeAll(t);
      pending.add(t);
      finished = true;
      return;
    }
    trackModules(t);
    if (endsEveryList(type)) {
      closeAll(t);
    }
    if (lastEmitted() == BANG && (type == LANGLE || type == RANGLE || type == COLON)) {
      pending.add(t);   // a subexpression selector Op!<<, Op!>>, Op!: is neither a bracket nor a binder's colon
      return;
    }
    int col = sanyColumn(t);
    boolean bullet = type == AND || type == OR;
    // 1. column rule: tokens at or left of a list's column end it, unless they are its next bullet
    while (!lists.isEmpty()) {
      JList top = lists.peek();
      if (col > top.column) {
        break;
      }
      if (col == top.column && bullet && (type == AND) == top.conj) {
        top.stack.clear();
        emit(t, top.conj ? JL_BULLET_AND : JL_BULLET_OR);
        return;
      }
      close(t);
    }
    // 2. closers and separators that cannot continue the current item
    while (!lists.isEmpty() && endsItem(lists.peek(), t)) {
      close(t);
    }
    if (!lists.isEmpty()) {
      track(lists.peek(), t);
    }
    if (bullet && !endsOperand(lastEmitted())) {
      lists.push(new JList(type == AND, col));
      emit(t, type == AND ? JL_OPEN_AND : JL_OPEN_OR);
      return;
    }
    pending.add(t);
    if (type == END && moduleDepth == 0) {
      closeAll(t);
      finished = true;
    }
  }

  private void trackModules(Token t) {
    if (t.getType() == MODULE && prevRaw == SEP) {
      moduleDepth++;
    } else if (t.getType() == END && moduleDepth > 0) {
      moduleDepth--;
    }
    prevRaw = t.getType();
  }

  private int lastEmitted() {
    return pending.isEmpty() ? lastType : pending.peekLast().getType();
  }

  /** True if a token of this type can end an operand, so that a following bullet is infix. */
  private static boolean endsOperand(int type) {
    switch (type) {
      case IDENT: case NUMBER: case STRING: case TRUE: case FALSE: case BOOLEAN: case STRING_KW:
      case RPAREN: case RBRACK: case RBRACE: case RANGLE: case PRIME: case AT: case POSTFIX_OP:
      case JL_CLOSE: case OTHER: case DECIMAL: case STEP:
        return true;
      default:
        return false;
    }
  }

  private static Open closes(int type) {
    switch (type) {
      case RPAREN: return Open.PAREN;
      case RBRACK: case RBRACK_SUB: return Open.BRACK;
      case RBRACE: return Open.BRACE;
      case RANGLE: case RANGLE_SUB: return Open.ANGLE;
      case THEN: return Open.IF;
      case ELSE: return Open.THEN;
      case IN: return Open.LET;
      case COLON: return Open.QUANT;
      case PROVE: return Open.ASSUME;
      default: return null;
    }
  }

  private static boolean isBracket(Open o) {
    return o == Open.PAREN || o == Open.BRACK || o == Open.BRACE || o == Open.ANGLE;
  }

  /** Does this token end the current item of the list (so the list)? */
  private boolean endsItem(JList list, Token t) {
    int type = t.getType();
    Open want = closes(type);
    if (want != null) {
      if (list.stack.isEmpty()) {
        return true;
      }
      for (Open o : list.stack) {
        if (o == want) {
          return false;
        }
        if (isBracket(o)) {
          // a keyword closer inside brackets, or a mismatched bracket: not ours to judge
          return false;
        }
      }
      return true;
    }
    switch (type) {
      case COMMA: case ARROW: case MAPSTO: case DEFEQ: case LARROW:
        return list.stack.isEmpty();
      case BOX:
        if (!endsOperand(lastEmitted())) {
          return false;   // prefix [] (always)
        }
        for (Open o : list.stack) {
          if (o == Open.CASE) {
            return false;
          }
          if (isBracket(o)) {
            return false;
          }
        }
        return true;
      default:
        return false;
    }
  }

  /** Update the bracket/keyword stack of the list whose item contains this token. */
  private static void track(JList list, Token t) {
    int type = t.getType();
    Open want = closes(type);
    if (want != null) {
      int depth = 0;
      boolean found = false;
      for (Open o : list.stack) {
        depth++;
        if (o == want) {
          found = true;
          break;
        }
        if (isBracket(o)) {
          break;
        }
      }
      if (found) {
        for (int i = 0; i < depth; i++) {
          list.stack.pop();
        }
        if (type == THEN) {
          list.stack.push(Open.THEN);
        }
      }
      return;
    }
    switch (type) {
      case LPAREN: list.stack.push(Open.PAREN); break;
      case LBRACK: list.stack.push(Open.BRACK); break;
      case LBRACE: list.stack.push(Open.BRACE); break;
      case LANGLE: list.stack.push(Open.ANGLE); break;
      case IF: list.stack.push(Open.IF); break;
      case LET: list.stack.push(Open.LET); break;
      case CASE: list.stack.push(Open.CASE); break;
      case ASSUME: list.stack.push(Open.ASSUME); break;
      case FORALL: case EXISTS: case TFORALL: case TEXISTS: case CHOOSE: case LAMBDA:
        list.stack.push(Open.QUANT);
        break;
      default:
        break;
    }
  }

  private void close(Token at) {
    lists.pop();
    CommonToken c = new CommonToken(_tokenFactorySourcePair, JL_CLOSE, DEFAULT_TOKEN_CHANNEL,
        at.getStartIndex(), at.getStartIndex() - 1);
    c.setLine(at.getLine());
    c.setCharPositionInLine(at.getCharPositionInLine());
    c.setText(at.getType() == Token.EOF ? "<EOF>" : at.getText());
    pending.add(c);
  }

  private void closeAll(Token at) {
    while (!lists.isEmpty()) {
      close(at);
    }
  }

  private void emit(Token t, int type) {
    CommonToken c = new CommonToken(t);
    c.setType(type);
    pending.add(c);
  }

  /** For tests: the tokens this filter produces for the whole input. */
  public List<Token> drain() {
    List<Token> out = new ArrayList<>();
    for (Token t = nextToken(); t.getType() != Token.EOF; t = nextToken()) {
      out.add(t);
    }
    return out;
  }
}
