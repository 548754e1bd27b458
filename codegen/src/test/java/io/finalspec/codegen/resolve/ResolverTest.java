package io.finalspec.codegen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.ExprWalker;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.parse.Frontend;
import io.finalspec.codegen.parse.ParseResult;
import io.finalspec.codegen.support.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bindings of name uses in resolve/ok/Main.tla (EXTENDS, INSTANCE, RECURSIVE, LAMBDA, LET, std modules). */
class ResolverTest {
  private static ResolvedModule main;

  @BeforeAll
  static void resolveMain() {
    Path dir = TestFiles.resources().resolve("resolve/ok");
    ParseResult p = Frontend.parseFile(dir.resolve("Main.tla"));
    assertTrue(p.ok(), () -> p.diagnostics().toString());
    ResolveResult r = Resolver.resolve(p.module(), ModuleLoader.folder(dir));
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    main = r.program();
  }

  private static Unit.OperatorDef def(String name) {
    Binding b = main.globals().get(name);
    assertInstanceOf(Binding.Definition.class, b, name);
    return (Unit.OperatorDef) ((Binding.Definition) b).def();
  }

  /** All expressions under {@code e} (pre-order) matching {@code p}. */
  private static List<Expr> find(Expr e, Predicate<Expr> p) {
    List<Expr> out = new ArrayList<>();
    List<Expr> work = new ArrayList<>(List.of(e));
    while (!work.isEmpty()) {
      Expr x = work.remove(0);
      if (p.test(x)) {
        out.add(x);
      }
      work.addAll(0, ExprWalker.children(x));
    }
    return out;
  }

  private static Binding bindingOfName(String def, String name) {
    Expr e = find(def(def).body(), x -> x instanceof Expr.Name n && n.name().equals(name)
        || x instanceof Expr.Apply a && a.op().equals(name)).get(0);
    Binding b = main.binding(e);
    assertNotNull(b, "no binding for " + name + " in " + def);
    return b;
  }

  @Test
  void variablesAndConstantsInDeclarationOrder() {
    assertEquals(List.of("x", "y"), main.variables().stream().map(v -> v.decl().name()).collect(Collectors.toList()));
    assertEquals("Base", main.variables().get(0).module());
    assertEquals(List.of("N"), main.constants().stream().map(c -> c.decl().name()).collect(Collectors.toList()));
  }

  @Test
  void namesLinkToTheirDefinitions() {
    assertEquals("Base", ((Binding.Variable) bindingOfName("Init", "x")).module());
    assertEquals(new Binding.Builtin("", "=", 2), bindingOfName("Init", "="));
    assertEquals(new Binding.Builtin("Naturals", "+", 2), bindingOfName("Next", "+"));
    assertEquals(new Binding.Builtin("", "'", 1), bindingOfName("Next", "'"));
    assertEquals(new Binding.Builtin("FiniteSets", "Cardinality", 1), bindingOfName("Next", "Cardinality"));
    assertEquals(new Binding.Builtin("TLC", ":>", 2), bindingOfName("Next", ":>"));
    assertEquals("Inc", ((Binding.Definition) bindingOfName("Next", "Inc")).name());
    assertEquals("++", ((Binding.Definition) bindingOfName("Next", "++")).name());
    assertInstanceOf(Binding.BoundVar.class, bindingOfName("Inv", "i"));
    assertInstanceOf(Binding.Definition.class, bindingOfName("Inv", "q"));
    assertInstanceOf(Binding.Param.class, bindingOfName("Map", "F"));
    assertEquals(1, bindingOfName("Map", "F").arity());
    assertInstanceOf(Binding.Param.class, bindingOfName("Double", "e"));
  }

  @Test
  void recursiveOperatorAndFunctionSeeThemselves() {
    Binding fact = bindingOfName("Fact", "Fact");
    assertEquals("Fact", ((Binding.Definition) fact).name());
    Binding.Definition fib = (Binding.Definition) main.globals().get("fib");
    Unit.FunctionDef f = (Unit.FunctionDef) fib.def();
    Expr use = find(f.body(), x -> x instanceof Expr.Name n && n.name().equals("fib")).get(0);
    assertEquals(fib, main.binding(use));
  }

  @Test
  void instancesCarryTheirSubstitutions() {
    List<Expr> qs = find(def("Next").body(), x -> x instanceof Expr.Qualified);
    assertEquals(2, qs.size());
    Binding.Definition viaC = (Binding.Definition) main.binding(qs.get(0));
    assertEquals("Counter", viaC.module());
    assertEquals("Inc", viaC.name());
    assertEquals(List.of("Limit", "n"), List.copyOf(viaC.via().substitutions().keySet()));
    Binding.Definition viaP = (Binding.Definition) main.binding(qs.get(1));
    assertEquals(List.of("k"), viaP.via().params().stream().map(Unit.OpDecl::name).collect(Collectors.toList()));
    Expr.Qualified p = (Expr.Qualified) qs.get(1);
    assertInstanceOf(Binding.ModuleInstance.class, main.binding(p.path().get(0)));
    // the substitution n <- y is resolved in Main
    Expr n = viaC.via().substitutions().get("n");
    assertEquals("Main", ((Binding.Variable) main.binding(n)).module());
  }

  @Test
  void unnamedInstanceImportsDefinitionsWithImplicitSubstitutions() {
    Binding.Definition h = (Binding.Definition) bindingOfName("Next", "HelperOp");
    assertEquals("Helper", h.module());
    assertEquals("x", ((Expr.Name) h.via().substitutions().get("z")).name());
    assertTrue(main.dependencies().keySet().containsAll(List.of("Base", "Counter", "Helper")));
  }

  @Test
  void resolveFileReportsParseErrorsToo() {
    Path dir = TestFiles.resources().resolve("resolve/ok");
    assertTrue(Resolver.resolveFile(dir.resolve("Main.tla")).ok());
    ResolveResult bad = Resolver.resolveFile(TestFiles.resources().resolve("parse/errors/MissingThen.tla"));
    assertEquals("MissingThen.tla:2:11: unexpected 'b', expected 'THEN'", bad.diagnostics().get(0).format());
  }

  @Test
  void localDefinitionsAreNotExported() {
    assertTrue(main.lookup("Secret").isEmpty());
    assertTrue(main.lookup("Inc").isPresent());
  }
}
