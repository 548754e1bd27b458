package io.finalspec.toolkit.tlc;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Command lines for child JVMs that run TLC code (the model checker, the simulator, the oracle):
 * the same Java, the same class path made absolute (the child runs in the spec's folder), a
 * throughput GC as TLC asks for, a large thread stack for deep evaluations, and a private
 * temporary folder, because TLC unpacks its standard modules into {@code java.io.tmpdir} and
 * concurrent runs would overwrite each other's files.
 */
public final class Jvm {

    private Jvm() {
    }

    public static List<String> command(String heap, Path tmp, Class<?> mainClass) {
        return command(heap, tmp, mainClass, false);
    }

    /**
     * With {@code quickStart}, for children that live a second or two: the serial collector and only
     * the first JIT tier, which spend less CPU on start-up than TLC's throughput settings.
     */
    public static List<String> command(String heap, Path tmp, Class<?> mainClass, boolean quickStart) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (quickStart) {
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-XX:TieredStopAtLevel=1");
        } else {
            cmd.add("-XX:+UseParallelGC");
            if (transparentHugePagesOffered(THP_SETTING)) {
                cmd.add(TRANSPARENT_HUGE_PAGES);
            }
        }
        cmd.add("-Xss16m");
        cmd.add("-Xmx" + heap);
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-cp");
        cmd.add(absoluteClassPath());
        cmd.add(mainClass.getName());
        return cmd;
    }

    /**
     * Heap in transparent huge pages, as the {@code finalspec} launcher asks for it, for TLC and the
     * explorer alike. A search fills memory it never touched before (the young generation, then
     * the old one as the seen set grows), and on a virtual machine each first touch of a 4 KB page
     * is a costly fault: in huge pages the search of a corpus spec takes 5 to 20% less time for a
     * few megabytes more (docs/performance.md, "Cold paths"). Only where the kernel offers them: the
     * JVM warns on every start when asked for them where it does not.
     */
    public static final String TRANSPARENT_HUGE_PAGES = "-XX:+UseTransparentHugePages";

    /** The kernel's setting of transparent huge pages, whose selected mode is the one in brackets. */
    static final Path THP_SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    /** Whether the kernel lets a process ask for huge pages ({@code [always]} or {@code [madvise]}). */
    static boolean transparentHugePagesOffered(Path setting) {
        try {
            String mode = Files.readString(setting);
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;   // not Linux, or no such setting: the JVM's default pages
        }
    }

    /**
     * The young generation of the explorer's JVM, as the {@code finalspec} launcher sets it. The
     * explorer allocates almost nothing that lives past one state's expansion (a large frontier
     * is packed, the seen set is one array per segment), so a fixed, small young generation keeps
     * the garbage in cache and the heap small: left to itself, the throughput collector grows the
     * young generation to gigabytes on a long search (resident memory four times larger) and the
     * search is no faster for it (docs/performance.md, "Memory").
     */
    public static final String EXPLORER_YOUNG_GENERATION = "-Xmn64m";

    /**
     * {@link #command} for a child running finalspec's explorer: with {@link #EXPLORER_YOUNG_GENERATION},
     * mapping {@code classDataArchive} when it is not null, as the {@code ./finalspec} launcher
     * maps the archive it makes once per build (a JVM ignores an archive made for another class
     * path or JDK; its messages about that are turned off, as the launcher turns them off), and
     * with the compiler directives in {@code compilerDirectives} when it is not null, as the
     * launcher passes its own ({@link #launcherDirectives}).
     */
    public static List<String> explorerCommand(String heap, Path tmp, Class<?> mainClass, Path classDataArchive,
            Path compilerDirectives) {
        List<String> cmd = command(heap, tmp, mainClass, false);
        List<String> launcher = new ArrayList<>(List.of(EXPLORER_YOUNG_GENERATION));
        if (classDataArchive != null) {
            launcher.addAll(List.of("-XX:SharedArchiveFile=" + classDataArchive.toAbsolutePath(), "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"));
        }
        if (compilerDirectives != null) {
            launcher.addAll(directiveOptions(compilerDirectives));
        }
        cmd.addAll(1, launcher);
        return cmd;
    }

    /** Where the launcher's compiler directives are, under {@code FINALSPEC_HOME}. */
    static final String COMPILER_DIRECTIVES = "toolkit/jvm/compiler-directives.json";

    /**
     * The options that give a JVM the compiler directives in {@code file}, as the launcher gives
     * them: the cold start's code (javac, the front end, the code generator) left to C1 (the file
     * says why). The JVM announces the directives it read on its own output;
     * {@code -XX:-DisplayVMOutput} keeps that line out of a command's output (the JVM's warnings
     * still print).
     */
    public static List<String> directiveOptions(Path file) {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + file.toAbsolutePath(),
            "-XX:-DisplayVMOutput");
    }

    /**
     * The compiler directives the launcher passes ({@code FINALSPEC_HOME/toolkit/jvm/compiler-directives.json}),
     * or null: no launcher, no such file, or {@code FINALSPEC_DIRECTIVES=off}.
     */
    public static Path launcherDirectives() {
        Path home = launcherHome("FINALSPEC_DIRECTIVES");
        Path file = home == null ? null : home.resolve(COMPILER_DIRECTIVES);
        return file != null && Files.isRegularFile(file) ? file : null;
    }

    /** The launcher's folder ({@code FINALSPEC_HOME}), or null: no launcher, or {@code offSwitch=off}. */
    private static Path launcherHome(String offSwitch) {
        String home = System.getenv("FINALSPEC_HOME");
        if (home == null || home.isBlank() || "off".equals(System.getenv(offSwitch))) {
            return null;
        }
        return Path.of(home).toAbsolutePath().normalize();
    }

    /**
     * The class data archive the launcher made for the jar this JVM runs from
     * ({@code FINALSPEC_HOME/toolkit/target/finalspec.jsa}, newer than the jar), or null: none, the
     * JVM was not started from that jar, or {@code FINALSPEC_CDS=off}.
     */
    public static Path launcherArchive() {
        Path home = launcherHome("FINALSPEC_CDS");
        if (home == null) {
            return null;
        }
        Path target = home.resolve("toolkit").resolve("target");
        Path jar = target.resolve("finalspec.jar");
        Path archive = target.resolve("finalspec.jsa");
        String cp = System.getProperty("java.class.path");
        boolean fromJar = cp != null && !cp.contains(File.pathSeparator) && Path.of(cp).toAbsolutePath().normalize().equals(jar);
        return fromJar && archive.toFile().isFile() && archive.toFile().lastModified() >= jar.toFile().lastModified()
            ? archive : null;
    }

    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(e -> Path.of(e).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    }
}
