package io.finalspec.codegen.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.config.ConfigParser;
import io.finalspec.codegen.config.ConfigResult;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.emit.TestSpecs;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.lower.Lowering;
import io.finalspec.codegen.parse.Frontend;
import io.finalspec.codegen.parse.ParseResult;
import io.finalspec.codegen.resolve.ModuleLoader;
import io.finalspec.codegen.resolve.ResolveResult;
import io.finalspec.codegen.resolve.Resolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The type pass on tiny specs: what it proves (booleans, enumerations, bounded and unbounded
 * integers, records, functions, sets) and, as much, what it must not (a variable assigned outside
 * its TypeOK set, a value of another shape, a sequence that grows).
 */
class TypeInferenceTest {

  @Test
  void enumerationsBooleansAndIntegers() {
    Map<String, String> t = types("""
        EXTENDS Naturals, Sequences
        VARIABLES pc, flag, n, k
        Init == pc = "idle" /\\ flag = FALSE /\\ n = 0 /\\ k \\in 0..3
        Next == /\\ pc' = IF pc = "idle" THEN "busy" ELSE "idle"
                /\\ flag' = ~flag
                /\\ n' = n + 1
                /\\ k' \\in {1, 2}
        """, "INIT Init\nNEXT Next\n");
    assertEquals("Enum (SET_ENUM \"idle\") \\cup (SET_ENUM \"busy\")", t.get("pc"));
    assertEquals("Bool", t.get("flag"));
    assertEquals("Int", t.get("n"), "arithmetic leaves the range: any 32-bit integer");
    assertEquals("Int in (INTERVAL 0 3) \\cup (SET_ENUM 1 2)", t.get("k"));
  }

  /** TypeOK says {@code x \in 0..2}, but an action assigns 7: the type must include 7 (TypeOK only fails). */
  @Test
  void anAssignmentOutsideTypeOkWidensTheType() {
    Map<String, String> t = types("""
        EXTENDS Naturals, Sequences
        VARIABLES x, s
        TypeOK == x \\in 0..2 /\\ s \\in {"a", "b"}
        Init == x = 0 /\\ s = "a"
        Next == \\/ x' = 7 /\\ s' = s
                \\/ x' = x /\\ s' = <<s>>
        """, "INIT Init\nNEXT Next\nINVARIANT TypeOK\n");
    assertEquals("Int in (SET_ENUM 0) \\cup (SET_ENUM 7)", t.get("x"));
    assertEquals("Generic", t.get("s"), "tuples of tuples of ... of a string: no finite type");
  }

  /** No TypeOK at all: the types come from Init and Next alone. */
  @Test
  void noTypeOkNeeded() {
    Map<String, String> t = types("""
        CONSTANT Proc
        VARIABLES pc, owner
        Init == pc = [p \\in Proc |-> "idle"] /\\ owner \\in Proc
        Next == \\E p \\in Proc : /\\ pc' = [pc EXCEPT ![p] = "done"]
                                  /\\ owner' = p
        """, "CONSTANT Proc = {p1, p2}\nINIT Init\nNEXT Next\n");
    assertEquals("[Proc -> Enum (SET_ENUM \"idle\") \\cup (SET_ENUM \"done\")]", t.get("pc"));
    assertEquals("Enum Proc", t.get("owner"));
  }

  /**
   * A RECURSIVE operator's result has no structural type, but a variable drawn from it (in Init,
   * through {@code \E} or CHOOSE) is one of that constant set's values; a set that reads a
   * variable is no constant set, and an element of it stays generic.
   */
  @Test
  void anElementOfAConstantSetOfUnknownShapeIsOneOfItsValues() {
    Map<String, String> t = types("""
        EXTENDS Naturals, Sequences
        CONSTANT S
        RECURSIVE Orders(_)
        Orders(X) == IF X = {} THEN {<< >>} ELSE UNION {{<<x>> \\o r : r \\in Orders(X \\ {x})} : x \\in X}
        Plans == Orders(S)
        VARIABLES plan, other, chosen, mixed
        Init == /\\ plan \\in Plans /\\ other = CHOOSE p \\in Plans : TRUE /\\ chosen = CHOOSE q \\in Plans : TRUE
                /\\ mixed \\in Plans
        Next == /\\ \\E p \\in Plans : other' = p
                /\\ chosen' = CHOOSE p \\in Plans : p # other
                /\\ UNCHANGED plan
                /\\ mixed' \\in {mixed, <<mixed>>}
        """, "CONSTANT S = {a, b}\nINIT Init\nNEXT Next\n");
    assertEquals("Enum (call Plans)", t.get("plan"));
    assertTrue(t.get("chosen").startsWith("Enum (SET_ENUM (CHOOSE") && t.get("chosen").endsWith("\\cup (call Plans)"), t.get("chosen"));
    assertEquals("Generic", t.get("mixed"));
    assertEquals("Enum (call Plans)", t.get("other"));
  }

  /**
   * A component of an enumerated function ({@code plan[i]}, plan one of the orders of S) is one of
   * the values of those functions: an enumeration of their ranges, so a function that stores it has
   * a numbered range and the machine a codec; the machine enumerates the union of the ranges.
   */
  @Test
  void aComponentOfAnEnumeratedFunctionIsOneOfTheirValues() {
    String spec = """
        EXTENDS Naturals, Sequences
        CONSTANT S, W
        RECURSIVE Orders(_)
        Orders(X) == IF X = {} THEN {<< >>} ELSE UNION {{<<x>> \\o r : r \\in Orders(X \\ {x})} : x \\in X}
        Plans == Orders(S)
        VARIABLES plan, running
        Init == /\\ plan \\in Plans /\\ running = [w \\in W |-> "none"]
        Next == \\E w \\in W, i \\in 1..Len(plan) :
                  /\\ running' = [running EXCEPT ![w] = plan[i]]
                  /\\ UNCHANGED plan
        """;
    String cfg = "CONSTANT S = {a, b, c}\nCONSTANT W = {w1, w2}\nINIT Init\nNEXT Next\n";
    Map<String, String> t = types(spec, cfg);
    assertTrue(t.get("running").startsWith("[W -> Enum") && t.get("running").contains("BIG_UNION"), t.toString());
    io.finalspec.runtime.explore.ExploreResult r = new io.finalspec.runtime.explore.ModelChecker(
        TestSpecs.machine("T", spec, cfg), io.finalspec.runtime.explore.BfsExplorer.Options.defaults()).run();
    assertTrue(r.isOk(), r.outcome()::toString);
    // 6 orders; running: each worker "none" or one of the 3 targets, but only those of the plan
    assertEquals(6 * 16, r.distinct());
    assertTrue(TestSpecs.machine("T", spec, cfg).codec() != null, "the machine has a codec");
  }

  @Test
  void recordsAndSetsOfRecords() {
    Map<String, String> t = types("""
        EXTENDS Naturals, Sequences
        VARIABLES r, msgs
        Init == r = [bal |-> 0, ok |-> FALSE] /\\ msgs = {}
        Next == /\\ r' = [r EXCEPT !.ok = TRUE]
                /\\ msgs' = msgs \\cup {[type |-> "1a", bal |-> r.bal]}
        """, "INIT Init\nNEXT Next\n");
    assertEquals("[bal: Int in (SET_ENUM 0), ok: Bool]", t.get("r"));
    assertEquals("SUBSET [type: Enum (SET_ENUM \"1a\"), bal: Int in (SET_ENUM 0)]", t.get("msgs"));
  }

  /**
   * A record that gains a field, and functions over two different domains: the values of both
   * shapes as an enumeration of their constant sets (the codec numbers them); with a component of
   * no finite type (a counter) nothing narrower than generic is sound.
   */
  @Test
  void shapesThatDifferJoinAsTheirConstantSets() {
    Map<String, String> t = types("""
        EXTENDS Naturals, Sequences
        VARIABLES r, f, q, c, n
        Init == r = [a |-> 1] /\\ f = [i \\in 1..2 |-> 0] /\\ q = <<>> /\\ n = 0 /\\ c = [a |-> 0]
        Next == /\\ r' = [a |-> 1, b |-> 2]
                /\\ f' = [i \\in 1..3 |-> 0]
                /\\ q' = Append(q, 1)
                /\\ n' = n + 1
                /\\ c' = [a |-> n, b |-> 2]
        """, "INIT Init\nNEXT Next\n");
    assertEquals("Enum (RECORD_SET \"a\" (SET_ENUM 1)) \\cup (RECORD_SET \"a\" (SET_ENUM 1) \"b\" (SET_ENUM 2))",
        t.get("r"));
    assertEquals("Enum (FN_SET (INTERVAL 1 2) (SET_ENUM 0)) \\cup (FN_SET (INTERVAL 1 3) (SET_ENUM 0))", t.get("f"));
    assertEquals("Seq(Int in (SET_ENUM 1))", t.get("q"));
    assertEquals("Generic", t.get("c"), "[a : Int] has no constant set");
  }

  /** Messages of several kinds in one set: the fields of each kind keep their types through m.f. */
  @Test
  void messagesOfSeveralKinds() {
    Map<String, String> t = types("""
        EXTENDS Integers
        CONSTANTS Acc, Val
        VARIABLES msgs, maxBal, got
        Init == msgs = {} /\\ maxBal = [a \\in Acc |-> -1] /\\ got = "none"
        Next == \\/ \\E b \\in 0..2 : msgs' = msgs \\cup {[type |-> "1a", bal |-> b]} /\\ UNCHANGED <<maxBal, got>>
                \\/ \\E a \\in Acc, v \\in Val : msgs' = msgs \\cup {[type |-> "2b", acc |-> a, val |-> v]}
                      /\\ UNCHANGED <<maxBal, got>>
                \\/ \\E m \\in msgs, a \\in Acc :
                      /\\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
                      /\\ got' = m.val
                      /\\ UNCHANGED msgs
        """, "CONSTANTS Acc = {a1, a2}\n Val = {v1, v2}\nINIT Init\nNEXT Next\n");
    assertTrue(t.get("msgs").startsWith("SUBSET Enum (RECORD_SET \"type\" (SET_ENUM \"1a\") \"bal\""), t.get("msgs"));
    assertEquals("[Acc -> Int in (SET_ENUM (NEG 1)) \\cup (INTERVAL 0 2)]", t.get("maxBal"),
        "m.bal: the 1a kind's bal; the 2b kind has none (TLC's error, no value)");
    assertEquals("Enum (SET_ENUM \"none\") \\cup Val", t.get("got"));
  }

  /** A value read from another variable carries that variable's type, to a fixpoint. */
  @Test
  void typesFlowBetweenVariables() {
    Map<String, String> t = types("""
        EXTENDS Naturals, Sequences
        VARIABLES a, b, c
        Init == a = "x" /\\ b = "y" /\\ c = "z"
        Next == a' = b /\\ b' = c /\\ c' = a
        """, "INIT Init\nNEXT Next\n");
    for (String v : List.of("a", "b", "c")) {
      assertEquals(java.util.Set.of("x", "y", "z"), java.util.Set.copyOf(enumLiterals(t.get(v))), v);
    }
  }

  /** Definitions are typed through their calls; a recursive one is generic. */
  @Test
  void definitionsAndRecursion() {
    Map<String, String> t = types("""
        EXTENDS Naturals
        VARIABLES x, y
        Flip(v) == IF v = "on" THEN "off" ELSE "on"
        RECURSIVE Sum(_)
        Sum(n) == IF n = 0 THEN 0 ELSE n + Sum(n - 1)
        Init == x = "on" /\\ y = 0
        Next == x' = Flip(x) /\\ y' = Sum(2)
        """, "INIT Init\nNEXT Next\n");
    assertEquals(List.of("on", "off"), enumLiterals(t.get("x")));
    assertEquals("Generic", t.get("y"));
  }

  /** A tuple literal bounds a sequence's length; Append does not. */
  @Test
  void tuplesHaveABoundedLength() {
    Map<String, String> t = types("""
        EXTENDS Naturals, Sequences
        VARIABLES fault, log
        Init == fault = <<>> /\\ log = <<>>
        Next == /\\ fault' = IF fault = <<>> THEN <<"t1", "read">> ELSE fault
                /\\ log' = Append(log, "x")
        """, "INIT Init\nNEXT Next\n");
    assertEquals("Seq(Enum (SET_ENUM \"t1\") \\cup (SET_ENUM \"read\"), <= 2)", t.get("fault"));
    assertEquals("Seq(Enum (SET_ENUM \"x\"))", t.get("log"));
  }

  /** A tuple keeps a type per component, through literals, products, patterns, indexing and EXCEPT. */
  @Test
  void tuplesAreTypedComponentByComponent() {
    Map<String, String> t = types("""
        EXTENDS Naturals, Sequences
        CONSTANT Proc
        VARIABLES pair, who, slot, first, any
        Init == pair = <<"a", 1>> /\\ who \\in Proc /\\ slot = 1 /\\ first = "a" /\\ any = 1
        Next == \\E <<p, k>> \\in Proc \\X (1..2) :
                  /\\ pair' = [pair EXCEPT ![1] = "b"]
                  /\\ who' = p
                  /\\ slot' = k
                  /\\ first' = pair[1]
                  /\\ any' = pair[slot]
        """, "CONSTANT Proc = {p1, p2}\nINIT Init\nNEXT Next\n");
    assertEquals("<<Enum (SET_ENUM \"a\") \\cup (SET_ENUM \"b\"), Int in (SET_ENUM 1)>>", t.get("pair"));
    assertEquals("Enum Proc", t.get("who"), "the pattern's first name ranges over the first factor");
    assertEquals("Int in (SET_ENUM 1) \\cup (INTERVAL 1 2)", t.get("slot"));
    assertEquals(java.util.Set.of("a", "b"), java.util.Set.copyOf(enumLiterals(t.get("first"))), "pair[1] is the string");
    assertTrue(t.get("any").startsWith("Enum "), "pair[slot] may be either component: " + t.get("any"));
  }

  /** Tuples of finite components and a model value: the enumeration of both (TreiberStack's nodes and Null). */
  @Test
  void tuplesJoinAnEnumerationAsTheirProduct() {
    Map<String, String> t = types("""
        EXTENDS Naturals
        CONSTANTS Proc, Null
        VARIABLES top, flag
        Init == top = Null /\\ flag = FALSE
        Next == \\/ \\E p \\in Proc : top' = <<p, 2>> /\\ flag' = flag
                \\/ top' = Null /\\ flag' = IF flag THEN Null ELSE TRUE
        """, "CONSTANTS Proc = {p1, p2}\n Null = Null\nINIT Init\nNEXT Next\n");
    assertEquals("Enum (SET_ENUM Null) \\cup (PRODUCT Proc (SET_ENUM 2))", t.get("top"));
    assertEquals("Enum (SET_ENUM Null) \\cup (BOOLEAN_SET)", t.get("flag"), "a boolean or a model value");
  }

  /** A record indexed by a name known only at run time: EXCEPT may change any of its fields. */
  @Test
  void recordExceptAtAKeyChosenAtRunTime() {
    Map<String, String> t = types("""
        VARIABLES pc
        Init == pc = [Main |-> "run", Ext |-> "idle"]
        Next == \\E self \\in {"Main", "Ext"} : pc' = [pc EXCEPT ![self] = "done"]
        """, "INIT Init\nNEXT Next\n");
    assertEquals(java.util.Set.of("run", "done"), java.util.Set.copyOf(enumLiterals(t.get("pc").split(", Ext")[0])), t.get("pc"));
    assertTrue(t.get("pc").startsWith("[Main: Enum"), t.get("pc"));
    assertTrue(t.get("pc").contains("Ext: Enum"), t.get("pc"));
  }

  /**
   * A cache grown with {@code :>} and {@code @@}, shrunk with a function over {@code DOMAIN @ \ {k}},
   * and starting empty ({@code <<>>}): a partial function over the keys, whatever subset it holds.
   */
  @Test
  void partialFunctionsGrowWithColonGreaterAndAtAt() {
    Map<String, String> t = types("""
        EXTENDS TLC
        CONSTANTS Keys, Clients
        VARIABLES cache
        Init == cache = [c \\in Clients |-> <<>>]
        Get(c, k) == cache' = [cache EXCEPT ![c] = (k :> "v1") @@ @]
        Put(c, k) == /\\ k \\in DOMAIN cache[c]
                     /\\ cache' = [cache EXCEPT ![c] = @ @@ (k :> "v2")]
        Forget(c, k) == cache' = [cache EXCEPT ![c] = [j \\in DOMAIN @ \\ {k} |-> @[j]]]
        Next == \\E c \\in Clients, k \\in Keys : Get(c, k) \\/ Put(c, k) \\/ Forget(c, k)
        """, "CONSTANTS Keys = {k1, k2}\n Clients = {c1}\nINIT Init\nNEXT Next\n");
    String cache = t.get("cache");
    assertTrue(cache.startsWith("[Clients -> [SUBSET Keys -> Enum"), cache);
    assertEquals(java.util.Set.of("v1", "v2"), java.util.Set.copyOf(enumLiterals(cache)), cache);
  }

  /**
   * A function over a set that changes is a partial function over the constant set its elements
   * come from; a total function joins it, and functions over different keys join as a partial
   * function over the keys of both.
   */
  @Test
  void functionsOverAChangingDomain() {
    Map<String, String> t = types("""
        EXTENDS Naturals, TLC
        CONSTANTS P, Q
        VARIABLES active, f, g
        Init == active = {} /\\ f = [p \\in P |-> 0] /\\ g = [p \\in P |-> 0]
        Next == \\E p \\in P, q \\in Q :
                  /\\ active' = active \\cup {p}
                  /\\ f' = [x \\in active |-> 1]
                  /\\ g' = (q :> 1)
        """, "CONSTANTS P = {p1, p2}\n Q = {q1}\nINIT Init\nNEXT Next\n");
    assertEquals("[SUBSET P -> Int in (SET_ENUM 0) \\cup (SET_ENUM 1)]", t.get("f"));
    assertEquals("[SUBSET P \\cup Q -> Int in (SET_ENUM 0) \\cup (SET_ENUM 1)]", t.get("g"));
  }

  /**
   * {@code [i \in 1..n |-> e]} with n known at run time is a sequence; a function of two bounds is
   * a function over their product, read as {@code g[r, c]}.
   */
  @Test
  void sequencesByIndexAndFunctionsOverProducts() {
    Map<String, String> t = types("""
        EXTENDS Naturals, Sequences, TLC
        CONSTANTS Pegs, N
        VARIABLES towers, grid, cell
        Stack(n) == [i \\in 1..n |-> i]
        Init == /\\ towers = (1 :> Stack(N)) @@ [p \\in Pegs |-> <<>>]
                /\\ grid = [r \\in 1..2, c \\in Pegs |-> FALSE]
                /\\ cell = FALSE
        Next == \\E p, q \\in Pegs :
                  /\\ towers' = [towers EXCEPT ![p] = Tail(@), ![q] = <<Head(towers[p])>> \\o @]
                  /\\ grid' = [grid EXCEPT ![1, p] = ~@]
                  /\\ cell' = grid[2, q]
        """, "CONSTANTS Pegs = {1, 2, 3}\n N = 3\nINIT Init\nNEXT Next\n");
    assertEquals("[SUBSET (SET_ENUM 1) \\cup Pegs -> Seq(Int)]", t.get("towers"));
    assertEquals("[(PRODUCT (INTERVAL 1 2) Pegs) -> Bool]", t.get("grid"));
    assertEquals("Bool", t.get("cell"));
  }

  /**
   * One operator applied to a queue of records and to a queue of numbers: each call is typed with
   * its own arguments, so neither queue takes the other's elements.
   */
  @Test
  void eachCallOfAnOperatorIsTypedWithItsArguments() {
    Map<String, String> t = types("""
        EXTENDS Naturals, Sequences
        VARIABLES data, acks
        Drop(q, i) == [j \\in 1..(Len(q) - 1) |-> IF j < i THEN q[j] ELSE q[j + 1]]
        Init == data = <<>> /\\ acks = <<>>
        Next == \\/ /\\ data' = Append(data, [seq |-> 0, blk |-> 1]) /\\ acks' = Append(acks, 0)
                \\/ \\E i \\in 1..Len(data) : data' = Drop(data, i) /\\ acks' = Drop(acks, i)
        """, "INIT Init\nNEXT Next\n");
    assertEquals("Seq([seq: Int in (SET_ENUM 0), blk: Int in (SET_ENUM 1)])", t.get("data"));
    assertEquals("Seq(Int in (SET_ENUM 0))", t.get("acks"));
  }

  /**
   * A primed variable under ENABLED (an invariant that asks whether a step is possible) assigns
   * nothing: the variable keeps its type.
   */
  @Test
  void enabledInAnInvariantDoesNotWiden() {
    Map<String, String> t = types("""
        EXTENDS Naturals
        VARIABLES clock
        Init == clock = 0
        Tick == clock < 3 /\\ clock' = clock + 1
        Next == Tick
        CanTick == clock < 3 => ENABLED Tick
        """, "INIT Init\nNEXT Next\nINVARIANT CanTick\n");
    assertEquals("Int", t.get("clock"));
  }

  /** A record applied to a key chosen at run time gives one of its fields. */
  @Test
  void recordAppliedToAVariableKey() {
    Map<String, String> t = types("""
        VARIABLES k, v
        Child == [N |-> "A", B |-> "C"]
        Init == k \\in {"N", "B"} /\\ v = "none"
        Next == v' = Child[k] /\\ k' = k
        """, "INIT Init\nNEXT Next\n");
    assertEquals(java.util.Set.of("none", "A", "C"), java.util.Set.copyOf(enumLiterals(t.get("v"))));
  }

  @Test
  void constantsAreTyped() {
    TypeInference.Result r = result("""
        CONSTANTS N, Proc
        VARIABLE x
        Init == x = N
        Next == x' = x
        """, "CONSTANTS N = 3\n Proc = {p1, p2}\nINIT Init\nNEXT Next\n");
    assertEquals("Int in (SET_ENUM N)", TlaType.show(r.constants().get("N")));
    assertEquals("SUBSET Enum Proc", TlaType.show(r.constants().get("Proc")));
    assertEquals("Int in (SET_ENUM N)", TlaType.show(r.variables().get(0)));
  }

  private static List<String> enumLiterals(String shown) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(shown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Map<String, String> types(String body, String cfg) {
    TypeInference.Result r = result(body, cfg);
    Map<String, String> out = new LinkedHashMap<>();
    MachineIr ir = lower(body, cfg);
    for (int i = 0; i < ir.variables().size(); i++) {
      out.put(ir.variables().get(i).name(), TlaType.show(r.variables().get(i)));
    }
    return out;
  }

  static TypeInference.Result result(String body, String cfg) {
    return TypeInference.infer(lower(body, cfg));
  }

  /** The pipeline up to the IR, as {@code Compiler.compile} runs it. */
  static MachineIr lower(String body, String cfg) {
    try {
      Path[] p = TestSpecs.write("T", body, cfg);
      ConfigResult c = ConfigParser.parseString("T.cfg", Files.readString(p[1]));
      assertTrue(c.ok(), String.valueOf(c.diagnostics()));
      ParseResult parsed = Frontend.parseFile(p[0]);
      assertTrue(parsed.ok(), String.valueOf(parsed.diagnostics()));
      ResolveResult resolved = Resolver.resolve(parsed.module(), ModuleLoader.folder(p[0].getParent()));
      assertTrue(resolved.ok(), String.valueOf(resolved.diagnostics()));
      List<Diagnostic> diags = new ArrayList<>();
      MachineIr ir = Lowering.lower(p[0], resolved.program(), c.config(), diags);
      assertTrue(diags.isEmpty(), String.valueOf(diags));
      return ir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
