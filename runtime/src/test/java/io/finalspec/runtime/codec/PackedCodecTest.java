package io.finalspec.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.dsl.TheoryBuilder4;
import org.quicktheories.generators.SourceDSL;

/**
 * The codec's fields on random values of their types (QuickTheories, fixed seed): decoding gives
 * an equal value with the same fingerprint whatever the layout (fields straddling words, wide
 * records, bit sets over 62 values), and a value outside its field is refused, naming the variable.
 */
class PackedCodecTest {
  private static final long SEED = 20261202L;
  private final NameTable names = new NameTable(List.of("b", "a", "c", "p2", "p1"));
  private final List<String> vars = List.of("pc", "n", "flag", "owner", "r", "f", "s", "big", "wide");
  private final Value proc = Tla.set(names.modelValue("p1"), names.modelValue("p2"));
  private final Value states = Tla.set(names.str("a"), names.str("b"), names.str("c"));
  private final Value universe = Tla.interval(0, 99);

  private PackedCodec codec() {
    return new PackedCodec(vars, List.of(
        Field.members(states),
        Field.int32(),
        Field.bool(),
        Field.members(proc, Tla.set(names.str("none"))),
        Field.record(new Value[] {names.str("bal"), names.str("ok")}, Field.members(Tla.interval(-1, 5)), Field.bool()),
        Field.function(proc, Field.members(states)),
        Field.setOf(Field.members(states)),
        Field.setOf(Field.members(universe)),
        Field.function(Tla.interval(1, 3), Field.int32())),
        values -> new ArrayState(vars, values));
  }

  private Gen<State> states() {
    Gen<Integer> small = SourceDSL.integers().between(0, Integer.MAX_VALUE);
    Gen<Integer> anyInt = SourceDSL.integers().all();
    return SourceDSL.lists().of(small).ofSize(12).zip(SourceDSL.lists().of(anyInt).ofSize(4), (r, i) -> {
      Value[] abc = {names.str("a"), names.str("b"), names.str("c")};
      Value[] owners = {names.modelValue("p1"), names.modelValue("p2"), names.str("none")};
      List<Value> sub = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        if ((r.get(6) >> k & 1) != 0) {
          sub.add(abc[k]);
        }
      }
      List<Value> bigSet = new ArrayList<>();
      for (int k = 0; k < 100; k += 1 + r.get(7) % 13) {
        bigSet.add(Tla.integer(k));
      }
      return new ArrayState(vars,
          abc[r.get(0) % 3],
          Tla.integer(i.get(0)),
          Tla.bool(r.get(1) % 2 == 0),
          owners[r.get(2) % 3],
          names.record(new String[] {"ok", "bal"}, new Value[] {Tla.bool(r.get(3) % 2 == 0), Tla.integer(r.get(4) % 7 - 1)}),
          Tla.fcn(proc, p -> abc[Math.floorMod(r.get(5) + (p.equals(names.modelValue("p1")) ? 0 : r.get(8)), 3)]),
          Tla.setOf(sub),
          Tla.setOf(bigSet),
          Tla.tuple(Tla.integer(i.get(1)), Tla.integer(i.get(2)), Tla.integer(i.get(3))));
    });
  }

  /** 2,000 pairs of states, a set of variables (bits) and an offset from 0 to 3. */
  private TheoryBuilder4<State, State, Integer, Integer> pairsOfStates(long seed) {
    return qt().withFixedSeed(seed).withExamples(2000)
        .forAll(states(), states(), SourceDSL.integers().between(0, (1 << vars.size()) - 1), SourceDSL.integers().between(0, 3));
  }

  /** The variables of {@code kept}'s set bits from {@code base} (its own objects), the others from {@code other}. */
  private State mixed(State base, State other, int kept) {
    Value[] values = new Value[vars.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (kept >> i & 1) != 0 ? base.get(i) : other.get(i);
    }
    return new ArrayState(vars, values);
  }

  @Test
  void decodeInvertsEncode() {
    PackedCodec codec = codec();
    // pc 2, n 32, flag 1, owner 2, r 4 (7 x 2 = 14 values), f 4 (3^2), s 3, big 100, wide 3 x 32
    assertEquals(2 + 32 + 1 + 2 + 4 + 4 + 3 + 100 + 96, codec.bits(), codec.layout());
    qt().withFixedSeed(SEED).withExamples(2000).forAll(states(), SourceDSL.integers().between(0, 3)).checkAssert((s, at) -> {
      long[] words = new long[codec.words() + 4];
      java.util.Arrays.fill(words, -1L);
      codec.encode(s, words, at);
      assertEquals(-1L, at == 0 ? -1L : words[at - 1], "word before");
      State back = codec.decode(words, at);
      for (int i = 0; i < s.size(); i++) {
        assertEquals(s.get(i), back.get(i), vars.get(i));
        assertEquals(s.get(i).fingerprint(), back.get(i).fingerprint(), vars.get(i));
        assertEquals(s.get(i).toString(), back.get(i).toString(), vars.get(i));
      }
      assertEquals(s.fingerprint(), back.fingerprint());
    });
  }

  /**
   * A successor encoded with its parent's words (the variables it keeps, the same objects, copied,
   * fields straddling words and wider than a word included) is written exactly as encoded alone,
   * at any offset in either array.
   */
  @Test
  void encodingFromTheParentsWordsWritesTheSameWords() {
    PackedCodec codec = codec();
    pairsOfStates(SEED + 2).checkAssert((parent, other, kept, at) -> {
          State child = mixed(parent, other, kept);
          long[] parentWords = new long[codec.words() + 4];
          java.util.Arrays.fill(parentWords, -1L);
          assertTrue(codec.encode(parent, parentWords, 3 - at));
          long[] alone = new long[codec.words() + 4];
          long[] copied = new long[codec.words() + 4];
          java.util.Arrays.fill(copied, -1L);
          assertTrue(codec.encode(child, alone, at));
          assertTrue(codec.encode(child, copied, at, parent, parentWords, 3 - at));
          assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(alone, at, at + codec.words())),
              java.util.Arrays.toString(java.util.Arrays.copyOfRange(copied, at, at + codec.words())));
        });
  }

  /**
   * A state decoded after another (the previous state's words and decoded values given) is equal
   * to the state decoded alone, value by value with the same fingerprints and printed forms; the
   * variables whose bits the two share are the previous state's own objects, at any offset in
   * either array and whether the fingerprint is given or computed.
   */
  @Test
  void decodingAfterAnotherStateSharesItsValuesWhereTheBitsAreTheSame() {
    PackedCodec codec = codec();
    pairsOfStates(SEED + 3).checkAssert((first, other, kept, at) -> {
          State second = mixed(first, other, kept);
          long[] words = new long[2 * codec.words() + 4];
          java.util.Arrays.fill(words, -1L);
          int firstAt = 3 - at;
          int secondAt = firstAt + codec.words() + (at % 2);
          assertTrue(codec.encode(first, words, firstAt));
          assertTrue(codec.encode(second, words, secondAt));
          State previous = codec.decode(words, firstAt);
          State alone = codec.decode(words, secondAt);
          for (State after : List.of(codec.decodeAfter(words, secondAt, previous, words, firstAt),
              codec.decodeAfter(words, secondAt, second.fingerprint(), previous, words, firstAt))) {
            assertEquals(second.fingerprint(), after.fingerprint());
            for (int i = 0; i < vars.size(); i++) {
              assertEquals(alone.get(i), after.get(i), vars.get(i));
              assertEquals(alone.get(i).fingerprint(), after.get(i).fingerprint(), vars.get(i));
              assertEquals(alone.get(i).toString(), after.get(i).toString(), vars.get(i));
              if (second.get(i).equals(first.get(i))) {
                assertTrue(after.get(i) == previous.get(i), vars.get(i) + " is the previous state's object");
              }
            }
          }
        });
  }

  @Test
  void aCursorComparesExactlyTheRangeAcrossWords() {
    long[] a = new long[3];
    long[] b = new long[4];
    b[1 + 1] = 1L << 5; // bit 64 + 5 of the state at b[1 ..]
    assertTrue(sameBits(a, b, 0, 69));
    assertTrue(sameBits(a, b, 70, 100));
    assertTrue(!sameBits(a, b, 69, 1));
    assertTrue(!sameBits(a, b, 60, 10));
    assertTrue(!sameBits(a, b, 0, 192));
  }

  /** Bits {@code [start, start + n)} of the state at {@code a[0 ..]} against those at {@code b[1 ..]}, by a cursor on {@code a}. */
  private static boolean sameBits(long[] a, long[] b, int start, int n) {
    BitCursor in = new BitCursor(a, 0);
    in.skip(start);
    return in.sameAs(b, 1, n);
  }

  @Test
  void aValueOutsideItsTypeIsAnInternalErrorNamingTheVariable() {
    PackedCodec codec = codec();
    Value[] vals = {names.str("a"), Tla.integer(7), Tla.TRUE, names.modelValue("p3"),
        names.record(new String[] {"bal", "ok"}, new Value[] {Tla.integer(0), Tla.FALSE}),
        Tla.fcn(proc, p -> names.str("b")), Tla.set(), Tla.set(Tla.integer(99)),
        Tla.tuple(Tla.integer(1), Tla.integer(2), Tla.integer(3))};
    long[] words = new long[codec.words()];
    OutOfTypeException e = assertThrows(OutOfTypeException.class, () -> codec.encode(new ArrayState(vars, vals), words, 0));
    assertTrue(e.getMessage().contains("variable owner = p3"), e.getMessage());
    assertTrue(e.getMessage().startsWith("internal error"), e.getMessage());
    vals[3] = names.str("none");
    codec.encode(new ArrayState(vars, vals), words, 0);
    vals[5] = Tla.fcn(Tla.set(names.modelValue("p1")), p -> names.str("a"));
    assertThrows(OutOfTypeException.class, () -> codec.encode(new ArrayState(vars, vals), words, 0));
  }

  /**
   * Tuples of components of different types: numbered (a process or "none", and 1..3: 9 values, 4
   * bits) and written component by component (an integer and a boolean: 33 bits); a tuple of
   * another length, or a function that is not a tuple, is outside the field.
   */
  @Test
  void tuplesOfMixedComponentsRoundTrip() {
    List<String> tv = List.of("node", "wide");
    PackedCodec codec = new PackedCodec(tv, List.of(
        Field.tuple(Field.members(proc, Tla.set(names.str("none"))), Field.members(Tla.interval(1, 3))),
        Field.tuple(Field.int32(), Field.bool())),
        values -> new ArrayState(tv, values));
    assertEquals(4 + 33, codec.bits(), codec.layout());
    Value[] owners = {names.modelValue("p1"), names.modelValue("p2"), names.str("none")};
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(SourceDSL.integers().between(0, 8), SourceDSL.integers().all(), SourceDSL.integers().between(0, 1))
        .checkAssert((node, n, b) -> {
          State s = new ArrayState(tv, Tla.tuple(owners[node % 3], Tla.integer(1 + node / 3)),
              Tla.tuple(Tla.integer(n), Tla.bool(b == 1)));
          long[] words = new long[codec.words()];
          codec.encode(s, words, 0);
          State back = codec.decode(words, 0);
          for (int i = 0; i < s.size(); i++) {
            assertEquals(s.get(i), back.get(i), tv.get(i));
            assertEquals(s.get(i).fingerprint(), back.get(i).fingerprint(), tv.get(i));
          }
        });
    long[] words = new long[codec.words()];
    Value wide = Tla.tuple(Tla.integer(0), Tla.TRUE);
    assertThrows(OutOfTypeException.class, () -> codec.encode(new ArrayState(tv,
        Tla.tuple(owners[0]), wide), words, 0));
    assertThrows(OutOfTypeException.class, () -> codec.encode(new ArrayState(tv,
        Tla.tuple(owners[0], Tla.integer(4)), wide), words, 0));
    assertThrows(OutOfTypeException.class, () -> codec.encode(new ArrayState(tv,
        Tla.tuple(owners[0], Tla.integer(1)), names.str("a")), words, 0));
  }

  /**
   * A sequence that Append grows, in a function: up to {@link Field#OPEN_SLOTS} values it is
   * packed and decoded equal; a longer one makes the codec decline the state (false, its words
   * zero), which only codecs with such a field may do.
   */
  /**
   * Partial functions (built as a spec builds them, with {@code :>} and {@code @@}) over any subset
   * of their keys, the empty one among them: numbered while small (a record range), key by key
   * when wide (any integer), the keys the union of sets that may overlap; a key outside the keys,
   * or a value that is not a function, is refused.
   */
  @Test
  void partialFunctionsRoundTripOverEverySubsetOfTheirKeys() {
    List<String> pv = List.of("cache", "counts");
    Value keys = Tla.set(names.modelValue("p1"), names.modelValue("p2"));
    Value[] key = {names.modelValue("p1"), names.modelValue("p2"), names.str("a")};
    Field entry = Field.record(new Value[] {names.str("ok"), names.str("bal")}, Field.bool(), Field.members(Tla.interval(0, 2)));
    PackedCodec codec = new PackedCodec(pv, List.of(
        Field.partialFunction(entry, keys, Tla.set(names.str("a"))),
        Field.partialFunction(Field.int32(), Tla.set(names.str("a"), names.modelValue("p2")), keys)),
        values -> new ArrayState(pv, values));
    assertEquals(bitsFor(7 * 7 * 7) + 3 * 33, codec.bits(), codec.layout());
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(SourceDSL.integers().between(0, 7), SourceDSL.integers().between(0, 7), SourceDSL.integers().all())
        .checkAssert((present, wide, n) -> {
          Value cache = Tla.tuple();
          Value counts = Tla.tuple();
          for (int k = 0; k < 3; k++) {
            if ((present >> k & 1) != 0) {
              Value e = names.record(new String[] {"ok", "bal"}, new Value[] {Tla.bool(n % 2 == 0), Tla.integer(Math.floorMod(n + k, 3))});
              cache = Tla.atAt(Tla.colonGt(key[k], e), cache);
            }
            if ((wide >> k & 1) != 0) {
              counts = Tla.atAt(counts, Tla.colonGt(key[k], Tla.integer(n - k)));
            }
          }
          State s = new ArrayState(pv, cache, counts);
          long[] words = new long[codec.words()];
          assertTrue(codec.encode(s, words, 0));
          State back = codec.decode(words, 0);
          for (int i = 0; i < s.size(); i++) {
            assertEquals(s.get(i), back.get(i), pv.get(i));
            assertEquals(s.get(i).fingerprint(), back.get(i).fingerprint(), pv.get(i));
          }
        });
    long[] words = new long[codec.words()];
    Value one = Tla.colonGt(key[0], Tla.integer(1));
    assertThrows(OutOfTypeException.class, () -> codec.encode(new ArrayState(pv,
        Tla.tuple(), Tla.colonGt(names.str("b"), Tla.integer(1))), words, 0), "a key outside");
    assertThrows(OutOfTypeException.class, () -> codec.encode(new ArrayState(pv,
        Tla.tuple(), Tla.atAt(one, Tla.colonGt(names.str("c"), Tla.integer(1)))), words, 0), "a key above the keys");
    assertThrows(OutOfTypeException.class, () -> codec.encode(new ArrayState(pv,
        Tla.tuple(), names.str("a")), words, 0), "not a function");
  }

  private static int bitsFor(long n) {
    return 64 - Long.numberOfLeadingZeros(n - 1);
  }

  @Test
  void openSequencesFitUpToTheirSlotsAndLongerOnesAreDeclined() {
    List<String> qv = List.of("chan", "n");
    PackedCodec codec = new PackedCodec(qv, List.of(
        Field.function(proc, Field.openSeqOf(Field.members(Tla.interval(1, 5)))), Field.int32()),
        values -> new ArrayState(qv, values));
    assertTrue(codec.mayDecline());
    assertTrue(!codec().mayDecline(), "no open sequence, no declining");
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(SourceDSL.lists().of(SourceDSL.integers().between(1, 5)).ofSizeBetween(0, Field.OPEN_SLOTS + 3),
            SourceDSL.integers().between(0, Field.OPEN_SLOTS))
        .checkAssert((queue, other) -> {
          Value[] q = queue.stream().map(Tla::integer).toArray(Value[]::new);
          Value[] o = new Value[other];
          java.util.Arrays.fill(o, Tla.integer(5));
          State s = new ArrayState(qv, Tla.fcn(proc, p -> p.equals(names.modelValue("p1")) ? Tla.tuple(q) : Tla.tuple(o)),
              Tla.integer(queue.size()));
          long[] words = new long[codec.words() + 2];
          java.util.Arrays.fill(words, -1L);
          boolean fits = codec.encode(s, words, 1);
          assertEquals(queue.size() <= Field.OPEN_SLOTS, fits, queue.toString());
          assertEquals(-1L, words[0], "word before");
          assertEquals(-1L, words[words.length - 1], "word after");
          if (fits) {
            State back = codec.decode(words, 1);
            assertEquals(s.get(0), back.get(0));
            assertEquals(s.fingerprint(), back.fingerprint());
          } else {
            for (int w = 1; w <= codec.words(); w++) {
              assertEquals(0L, words[w], "a declined state leaves its words zero");
            }
          }
        });
  }

  /**
   * Decoded sets come out normalized although the element numbering is not TLC's order (strings
   * numbered c, a, b while the table ranks b < a < c), sets of records and wide sets (70 integers numbered 40..69 then 0..39) included; a
   * value decoded twice is the same object (the field's decode cache), so its fingerprint is reused.
   */
  @Test
  void decodedSetsAreNormalizedWhateverTheNumberingAndDecodedValuesAreShared() {
    Field letters = Field.members(Tla.set(names.str("c")), Tla.set(names.str("a"), names.str("b")));
    Field message = Field.record(new Value[] {names.str("to"), names.str("bal")}, Field.members(proc), Field.members(Tla.interval(0, 2)));
    List<String> vs = List.of("s", "m", "w");
    PackedCodec codec = new PackedCodec(vs, List.of(
        Field.setOf(letters), Field.setOf(message), Field.setOf(Field.members(Tla.interval(40, 69), Tla.interval(0, 39)))),
        values -> new ArrayState(vs, values));
    qt().withFixedSeed(SEED + 1).withExamples(500).forAll(SourceDSL.longs().all()).checkAssert(bits -> {
      Value[] abc = {names.str("a"), names.str("b"), names.str("c")};
      List<Value> s = new ArrayList<>();
      List<Value> m = new ArrayList<>();
      List<Value> w = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        if ((bits >> k & 1) != 0) {
          s.add(abc[k]);
        }
      }
      for (int k = 0; k < 6; k++) {
        if ((bits >> (3 + k) & 1) != 0) {
          m.add(names.record(new String[] {"bal", "to"}, new Value[] {Tla.integer(k % 3), names.modelValue(k < 3 ? "p1" : "p2")}));
        }
      }
      for (int k = (int) Math.floorMod(bits >> 12, 5L); k < 70; k += 1 + (int) Math.floorMod(bits >> 9, 7L)) {
        w.add(Tla.integer(k));
      }
      State st = new ArrayState(vs, Tla.setOf(s), Tla.setOf(m), Tla.setOf(w));
      long[] words = new long[codec.words()];
      codec.encode(st, words, 0);
      State back = codec.decode(words, 0);
      State again = codec.decode(words, 0);
      for (int i = 0; i < vs.size(); i++) {
        assertEquals(st.get(i), back.get(i), vs.get(i));
        assertEquals(st.get(i).toString(), back.get(i).toString(), vs.get(i));
        assertEquals(st.get(i).fingerprint(), back.get(i).fingerprint(), vs.get(i));
      }
      assertTrue(back.get(0) == again.get(0) && back.get(1) == again.get(1), "numbered sets decoded twice are one object");
    });
  }

  /**
   * Decoding with a known fingerprint builds the state with the machine's constructor for it, from
   * the same values; a codec without that constructor builds it as without a fingerprint.
   */
  @Test
  void aKnownFingerprintGoesToTheMachinesConstructorForIt() {
    List<String> vs = List.of("pc", "flag");
    List<Field> fields = List.of(Field.members(states), Field.bool());
    List<Long> given = new ArrayList<>();
    PackedCodec withKnown = new PackedCodec(vs, fields, values -> new ArrayState(vs, values), (values, fp) -> {
      given.add(fp);
      return new ArrayState(vs, values);
    });
    PackedCodec without = new PackedCodec(vs, fields, values -> new ArrayState(vs, values));
    State st = new ArrayState(vs, names.str("b"), Tla.TRUE);
    for (PackedCodec codec : List.of(withKnown, without)) {
      long[] words = new long[codec.words()];
      assertTrue(codec.encode(st, words, 0));
      State back = codec.decode(words, 0, st.fingerprint());
      assertEquals(st, back);
      assertEquals(st.fingerprint(), back.fingerprint());
    }
    assertEquals(List.of(st.fingerprint()), given);
  }
}
