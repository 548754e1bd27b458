package io.finalspec.tests.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import util.UniqueString;

/**
 * Runs TLC's own {@code main} and, when TLC exits, writes its {@code UniqueString} table in intern
 * order, one name per line. A child JVM of {@link TlcInternOrderTest}:
 * {@code TlcInternDump OUT TLC-ARGS...}.
 */
public final class TlcInternDump {
  private TlcInternDump() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(out)));
    tlc2.TLC.main(Arrays.copyOfRange(args, 1, args.length));
  }

  private static void write(Path out) {
    List<UniqueString> names = new ArrayList<>(UniqueString.internTbl.toMap().values());
    names.sort(Comparator.comparingInt(UniqueString::getTok));
    StringBuilder sb = new StringBuilder();
    for (UniqueString u : names) {
      sb.append(u).append('\n');
    }
    try {
      Files.writeString(out, sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
