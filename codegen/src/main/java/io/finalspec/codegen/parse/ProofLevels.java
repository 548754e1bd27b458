package io.finalspec.codegen.parse;

import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.parse.TlaParser.QedStepContext;
import io.finalspec.codegen.parse.TlaParser.StepContext;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The grammar reads a structured proof as a flat list of steps; this puts the levels back, as
 * SANY does while parsing: the steps that follow a step at a deeper level are its proof, and every
 * level of steps ends with a QED step ({@code <1> QED}), else "expected a QED step". {@code <+>}
 * opens a deeper level, {@code <*>} continues the current one (or opens the first).
 */
final class ProofLevels {
  private final List<StepContext> steps;
  private final Token after;
  private final List<Diagnostic> diagnostics;
  private final Spans spans;
  private int next = 0;

  ProofLevels(List<StepContext> steps, Token after, List<Diagnostic> diagnostics, Spans spans) {
    this.steps = steps;
    this.after = after;
    this.diagnostics = diagnostics;
    this.spans = spans;
  }

  void check() {
    while (next < steps.size()) {
      level(0);
    }
  }

  /** Reads the steps of one level (deeper than {@code parent}) and their sub-proofs. */
  private void level(int parent) {
    int level = -1;
    boolean qed = false;
    while (next < steps.size()) {
      StepContext s = steps.get(next);
      int l = levelOf(s, level, parent);
      if (level < 0) {
        level = l;
      }
      if (l < level) {
        break;
      }
      if (qed && l == level) {
        diagnostics.add(new Diagnostic(spans.of(s.getStart()), "parse",
            "step '" + s.getStart().getText() + "' follows the QED step of its level"));
        next++;
        continue;
      }
      if (l > level) {
        level(level);
        continue;
      }
      qed = s.stepBody() instanceof QedStepContext;
      next++;
    }
    if (!qed) {
      Token at = next < steps.size() ? steps.get(next).getStart() : after;
      diagnostics.add(new Diagnostic(spans.of(at), "parse", "expected a QED step at level <"
          + Math.max(level, parent + 1) + "> before " + describe(at)));
    }
  }

  private static String describe(Token t) {
    return t.getType() == Token.EOF ? "the end of the file" : "'" + t.getText() + "'";
  }

  /** The level a step's label names: the number, or relative for {@code <*>} and {@code <+>}. */
  private static int levelOf(StepContext s, int current, int parent) {
    Token label = s.STEP_DOT() != null ? s.STEP_DOT().getSymbol() : s.STEP().getSymbol();
    String text = label.getText();
    String inside = text.substring(1, text.indexOf('>'));
    if (inside.equals("*")) {
      return current < 0 ? parent + 1 : current;
    }
    if (inside.equals("+")) {
      return current < 0 ? parent + 1 : current + 1;
    }
    try {
      return Integer.parseInt(inside);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;   // absurdly deep: a sub-proof that never ends
    }
  }
}
