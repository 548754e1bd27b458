package io.finalspec.tests.support;

import java.nio.file.Path;
import java.util.Map;

/**
 * One model of corpus.toml: its files, the outcome TLC 2.18 gives ({@code pass}, {@code deadlock},
 * {@code invariant X}, {@code property X} or {@code assumption}) and TLC's figures, -1 where the
 * entry records none (a property violation is found at a time-dependent point of TLC's search; a
 * false ASSUME stops TLC before it counts). A {@code long_run = true} entry is a larger model of a
 * spec (seconds to minutes of TLC): the suites run it only with {@code -Dfinalspec.corpus.full=true}.
 */
public record CorpusEntry(String name, Path spec, Path config, String expect, long distinct, long generated, int depth,
    boolean longRun) {

  static CorpusEntry of(Map<String, String> t, Path dir) {
    for (String key : new String[] {"name", "spec", "config", "expect"}) {
      if (!t.containsKey(key)) {
        throw new IllegalArgumentException("corpus.toml: an entry lacks " + key + ": " + t);
      }
    }
    return new CorpusEntry(t.get("name"), dir.resolve(t.get("spec")), dir.resolve(t.get("config")), t.get("expect"),
        number(t, "tlc_distinct"), number(t, "tlc_generated"), (int) number(t, "tlc_depth"),
        Boolean.parseBoolean(t.getOrDefault("long_run", "false")));
  }

  /** Whether this run includes the entry: always, or for a long-run entry with -Dfinalspec.corpus.full=true. */
  public boolean inThisRun() {
    return !longRun || Boolean.getBoolean("finalspec.corpus.full");
  }

  private static long number(Map<String, String> t, String key) {
    return t.containsKey(key) ? Long.parseLong(t.get(key)) : -1;
  }

  public ExploreCase toCase() {
    return new ExploreCase("corpus/" + name, spec, config);
  }
}
