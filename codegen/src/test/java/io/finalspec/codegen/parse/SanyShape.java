package io.finalspec.codegen.parse;

import io.finalspec.codegen.ast.Operators;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tla2sany.drivers.SANY;
import tla2sany.modanalyzer.SpecObj;
import tla2sany.st.TreeNode;
import util.SimpleFilenameToStream;
import util.ToolIO;

/**
 * Renders SANY's syntax tree in the comparable "shape" of {@link AstShape}: junction lists,
 * infix/prefix/postfix operator applications and expression-position identifiers and numbers;
 * every other node is flattened into its parent. SANY is full of statics: calls are serialised.
 */
final class SanyShape {
  private SanyShape() {}

  private static final int N_INFIX = 371, N_PREFIX = 399, N_POSTFIX = 395, N_CONJLIST = 341, N_DISJLIST = 344,
      N_CONJITEM = 340, N_DISJITEM = 343, N_TIMES = 349, N_GENERALID = 358, N_IDPREFIX = 367, N_NUMBER = 385,
      N_PROOF = 402, N_TERMINAL_PROOF = 435, N_USE_OR_HIDE = 436, N_OP_APPLICATION = 387;

  private static String number(String image) {
    if (image.startsWith("\\")) {
      char b = Character.toLowerCase(image.charAt(1));
      return new java.math.BigInteger(image.substring(2), b == 'b' ? 2 : b == 'o' ? 8 : 16).toString();
    }
    return image;
  }

  /** The syntax tree's shape, or null with the error text in {@code error[0]} when SANY rejects the file. */
  static synchronized List<String> shape(Path file, String[] error) {
    TreeNode tree = parseTree(file, error);
    if (tree == null) {
      return null;
    }
    List<String> shape = new ArrayList<>();
    walk(tree, shape);
    return shape;
  }

  /**
   * The location ("line:col-endLine:endCol", SANY's columns) of the first operator application
   * (infix, prefix or postfix) in the file's syntax tree, or null (with the error in
   * {@code error[0]} when SANY rejects the file).
   */
  static synchronized String firstOperatorSpan(Path file, String[] error) {
    TreeNode tree = parseTree(file, error);
    TreeNode op = tree == null ? null : firstOperator(tree);
    if (op == null) {
      return null;
    }
    tla2sany.st.Location l = op.getLocation();
    return l.beginLine() + ":" + l.beginColumn() + "-" + l.endLine() + ":" + l.endColumn();
  }

  /** SANY's syntax tree of the file, or null with the error text in {@code error[0]}. */
  private static TreeNode parseTree(Path file, String[] error) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf);
    PrintStream oldOut = System.out;
    PrintStream oldTool = ToolIO.out;
    try {
      System.setOut(out);
      ToolIO.out = out;
      SpecObj spec = new SpecObj(file.toString(), new SimpleFilenameToStream(
          new String[] {file.toAbsolutePath().getParent().toString(), standardModules().toString()}));
      SANY.frontEndInitialize(spec, out);
      SANY.frontEndParse(spec, out);
      if (spec.getParseErrors().isFailure() || spec.getRootParseUnit() == null
          || spec.getRootParseUnit().getParseTree() == null) {
        error[0] = spec.getParseErrors().toString() + buf;
        return null;
      }
      return spec.getRootParseUnit().getParseTree();
    } catch (Exception | Error e) {
      error[0] = e + "\n" + buf;
      return null;
    } finally {
      System.setOut(oldOut);
      ToolIO.out = oldTool;
    }
  }

  private static TreeNode firstOperator(TreeNode n) {
    if (n.getKind() == N_INFIX || n.getKind() == N_PREFIX || n.getKind() == N_POSTFIX) {
      return n;
    }
    if (n.heirs() != null) {
      for (TreeNode c : n.heirs()) {
        TreeNode found = c == null ? null : firstOperator(c);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Path stdDir;

  /**
   * SANY's standard modules copied once into a private folder: by default SANY extracts them to
   * java.io.tmpdir, which other processes on the machine share (and clean), making runs flaky.
   * The copy goes under target/.
   */
  private static Path standardModules() throws java.io.IOException {
    if (stdDir == null) {
      Path dir = java.nio.file.Files.createDirectories(
          Path.of(System.getProperty("user.dir"), "target", "sany-std-" + ProcessHandle.current().pid()));
      for (String m : List.of("Naturals", "Integers", "Sequences", "FiniteSets", "TLC", "Bags", "Reals",
          "RealTime", "Randomization", "TLCExt", "Json", "Toolbox")) {
        try (java.io.InputStream in = SANY.class.getResourceAsStream("/tla2sany/StandardModules/" + m + ".tla")) {
          if (in != null) {
            java.nio.file.Files.copy(in, dir.resolve(m + ".tla"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      stdDir = dir;
    }
    return stdDir;
  }

  private static String opImage(TreeNode genOp) {
    TreeNode[] h = genOp.heirs();
    return Operators.canonical(h[h.length - 1].getImage());
  }

  private static void walk(TreeNode n, List<String> out) {
    TreeNode[] h = n.heirs();
    switch (n.getKind()) {
      case N_INFIX: {
        List<String> kids = new ArrayList<>();
        walk(h[0], kids);
        walk(h[2], kids);
        out.add(AstShape.node(opImage(h[1]), kids));
        return;
      }
      case N_PREFIX: {
        String op = opImage(h[0]);
        if (op.equals("-")) {
          op = "-.";
        }
        List<String> kids = new ArrayList<>();
        walk(h[1], kids);
        out.add(AstShape.node(op, kids));
        return;
      }
      case N_POSTFIX: {
        List<String> kids = new ArrayList<>();
        walk(h[0], kids);
        out.add(AstShape.node(opImage(h[1]), kids));
        return;
      }
      case N_TIMES: {
        List<String> kids = new ArrayList<>();
        for (int i = 0; i < h.length; i += 2) {
          walk(h[i], kids);
        }
        out.add(AstShape.node("\\X", kids));
        return;
      }
      case N_CONJLIST:
      case N_DISJLIST: {
        List<String> kids = new ArrayList<>();
        for (TreeNode item : h) {
          List<String> one = new ArrayList<>();
          walk(item.heirs()[1], one);
          kids.add(AstShape.node("item", one));
        }
        out.add(AstShape.node(n.getKind() == N_CONJLIST ? "and" : "or", kids));
        return;
      }
      case N_OP_APPLICATION: {
        String symbol = nonfixSymbol(h[0], h[1]);
        if (symbol == null) {
          break;
        }
        List<String> kids = new ArrayList<>();
        walk(h[1], kids);
        out.add(AstShape.node(symbol, kids));
        return;
      }
      case N_GENERALID: {
        TreeNode prefix = h[0];
        boolean qualified = prefix.heirs() != null && prefix.heirs().length > 0;
        if (!qualified) {
          out.add(h[1].getImage());
        }
        return;
      }
      case N_NUMBER:
        out.add(number(h[0].getImage()));
        return;
      case N_PROOF:
      case N_TERMINAL_PROOF:
      case N_USE_OR_HIDE:
        return;   // proofs are not kept in our AST
      default:
        break;
    }
    if (h != null) {
      for (TreeNode c : h) {
        if (c != null) {
          walk(c, out);
        }
      }
    }
  }

  /**
   * {@code +(a, b)}: an operator symbol applied in prefix form is the same operator application
   * as {@code a + b} (our AST has one Apply for both), so it gets the operator's shape.
   */
  private static String nonfixSymbol(TreeNode generalId, TreeNode opArgs) {
    TreeNode[] id = generalId.heirs();
    if (id == null || id.length < 2 || (id[0].heirs() != null && id[0].heirs().length > 0)) {
      return null;
    }
    String op = Operators.canonical(id[1].getImage());
    int n = 0;
    for (TreeNode a : opArgs.heirs()) {
      String img = a.getImage();
      if (!"(".equals(img) && !")".equals(img) && !",".equals(img)) {
        n++;
      }
    }
    boolean structural = (n == 2 && Operators.isInfix(op)) || (n == 1 && (Operators.isPrefix(op) || Operators.isPostfix(op)));
    return structural ? op : null;
  }
}
