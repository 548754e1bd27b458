package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.load.InMemoryCompiler;
import io.finalspec.codegen.load.JavaSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The generated typed live facade, used the way a program uses it: a driver written against its
 * typed methods is compiled with the generated sources (a wrong parameter type would not compile)
 * and run; it binds constants at run time, takes actions, and meets each fail-fast error.
 */
class LiveFacadeTest {
  private static final String SPEC = """
      EXTENDS Naturals
      CONSTANTS Procs, None, Limit
      VARIABLES owner, total, tag
      ASSUME Limit >= 1
      Init == owner = None /\\ total = 0 /\\ tag = "none"
      Acquire(p) == owner = None /\\ owner' = p /\\ UNCHANGED <<total, tag>>
      Release(p) == owner = p /\\ owner' = None /\\ UNCHANGED <<total, tag>>
      Add(n) == total + n <= Limit /\\ total' = total + n /\\ UNCHANGED <<owner, tag>>
      Tag(s) == tag' = s /\\ UNCHANGED <<owner, total>>
      Next == (\\E p \\in Procs : Acquire(p) \\/ Release(p)) \\/ (\\E n \\in 1..2 : Add(n))
              \\/ (\\E s \\in {"a", "b"} : Tag(s))
      """;
  private static final String CFG = "CONSTANTS Procs = {p1, p2}\n None = None\n Limit = 3\nINIT Init\nNEXT Next\n";

  private static final String DRIVER = """
      package gen;

      import io.finalspec.runtime.live.LiveRuntime;
      import io.finalspec.runtime.trace.TraceReplayer;
      import io.finalspec.runtime.value.ModelValue;
      import io.finalspec.runtime.value.Tla;
      import java.time.Duration;
      import java.util.ArrayList;
      import java.util.List;

      public class Driver implements java.util.function.Supplier<String> {
        public String get() {
          List<String> out = new ArrayList<>();
          try {
            for (FacadeLive.Action a : FacadeLive.Action.values()) {
              out.add(a + "=" + a.specName());
            }
            FacadeLive.Builder b = FacadeLive.builder();
            ModelValue p3 = b.names().modelValue("p3");
            FacadeLive live = b.procs(b.modelValues("p1", "p2", "p3")).limit(Tla.integer(5)).build();
            live.acquire(p3);
            out.add("owner " + live.owner());
            out.add("p1 in time " + live.tryAcquire(b.names().modelValue("p1"), Duration.ofMillis(20)));
            live.release(p3);
            live.add(2);
            live.add(2);
            out.add("can add 2 " + live.canAdd(2));
            live.add(1);
            live.doTag("a");
            out.add("total " + live.total() + " tag " + live.tag());
            try {
              live.add(7);
            } catch (IllegalArgumentException e) {
              out.add(e.getMessage());
            }
            try {
              live.runtime().perform("Relase");
            } catch (IllegalArgumentException e) {
              out.add(e.getMessage());
            }
            out.add("replays " + new TraceReplayer(live.machine()).replay(live.trace()).ok() + " steps " + live.trace().size());
            try {
              FacadeLive.builder().limit(Tla.integer(0)).build();
            } catch (RuntimeException e) {
              out.add(e.getMessage());
            }
            try {
              FacadeLive.builder().procs(Tla.integer(1)).build();
            } catch (RuntimeException e) {
              out.add(e.getMessage());
            }
          } catch (InterruptedException e) {
            out.add("interrupted");
          }
          return String.join("\\n", out);
        }
      }
      """;

  @Test
  void aDriverCompiledAgainstTheFacadeTakesTypedActions() throws Exception {
    CompileResult r = TestSpecs.compile("Facade", SPEC, CFG);
    assertTrue(r.ok(), r.describe());
    assertEquals(2, r.sources().size());
    String facade = r.sources().get(1).code();
    assertEquals("gen.FacadeLive", r.sources().get(1).className());
    assertTrue(facade.contains("public FacadeMachine.State acquire(ModelValue p) throws InterruptedException"), facade);
    assertTrue(facade.contains("public boolean tryAdd(int n, Duration timeout)"), facade);
    assertTrue(facade.contains("public boolean canTag(String s)"), facade);
    assertTrue(facade.contains("public FacadeMachine.State doTag(String s)"), facade);
    List<JavaSource> all = new ArrayList<>(r.sources());
    all.add(new JavaSource("gen.Driver", DRIVER));
    @SuppressWarnings("unchecked")
    Supplier<String> driver = (Supplier<String>) InMemoryCompiler.withContextLoader().compile(all)
        .loadClass("gen.Driver").getConstructor().newInstance();
    assertEquals(String.join("\n",
        "ACQUIRE=Acquire", "RELEASE=Release", "ADD=Add", "TAG=Tag",
        "owner p3",
        "p1 in time false",
        "can add 2 false",
        "total 5 tag \"a\"",
        "Add(7 (integer)) is not an action instance of Facade; Add(n) with n in {1, 2}",
        "Facade has no action Relase; its actions are Acquire, Release, Add, Tag",
        "replays true steps 7",
        "Assumption line 5, col 8 to line 5, col 17 of module Facade is false",
        "constant Procs: model run time gives 1 (integer) where the config has {p1, p2} (set of model value)"),
        driver.get());
  }

  @Test
  void specNamesThatAreJavaKeywordsOrTheFacadesOwnNamesStillCompile() throws Exception {
    CompileResult r = TestSpecs.compile("Names", """
        VARIABLES runtime, class
        Init == runtime = 0 /\\ class = 0
        Do(runtime_, Tla) == runtime' = runtime_ /\\ class' = Tla
        State(machine) == runtime' = machine /\\ UNCHANGED class
        Next == (\\E a \\in {1, 2}, b \\in {3} : Do(a, b)) \\/ (\\E m \\in {5} : State(m))
        """, "INIT Init\nNEXT Next\n");
    assertTrue(r.ok(), r.describe());
    String facade = r.sources().get(1).code();
    InMemoryCompiler.withContextLoader().compile(r.sources());
    assertTrue(facade.contains("public boolean tryDo(int runtime_, int Tla_, Duration timeout)"), facade);
    assertTrue(facade.contains("public boolean tryState(int machine_, Duration timeout)"), facade);
  }

  @Test
  void namesFollowJavaConventions() {
    assertEquals("takeGilC1", LiveFacadeEmitter.lowerCamel("TakeGilC1"));
    assertEquals("mOp", LiveFacadeEmitter.lowerCamel("M!Op"));
    assertEquals("jPc", LiveFacadeEmitter.lowerCamel("jPc"));
    assertEquals("TAKE_GIL_C1", LiveFacadeEmitter.upperSnake("TakeGilC1"));
    assertEquals("J_READ_LOCK", LiveFacadeEmitter.upperSnake("JReadLock"));
    assertEquals("M_OP", LiveFacadeEmitter.upperSnake("M!Op"));
  }
}
