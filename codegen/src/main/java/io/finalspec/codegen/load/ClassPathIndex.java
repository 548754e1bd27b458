package io.finalspec.codegen.load;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import javax.tools.SimpleJavaFileObject;

/**
 * The class path javac compiles against, with its jars read once through {@link JarFile}'s central
 * directory. javac's own file manager opens each jar as a zip file system and walks all of its
 * folders before the first lookup, which for finalspec's own jar (the toolkit with every dependency
 * shaded in: some 14,000 entries) took about a third of a second of every cold start; this index
 * lists the class files of a jar by package in one pass over the entry names. Folders stay with
 * javac's file manager, which lists them lazily. Jars named by a jar manifest's {@code Class-Path}
 * (Surefire's manifest-only jar) are followed, as javac follows them.
 */
final class ClassPathIndex implements Closeable {
    private final Set<Path> seen = new HashSet<>();
    private final List<Path> folders = new ArrayList<>();
    private final List<JarFile> jars = new ArrayList<>();
    /** Entry names of the jars' class files by package name ({@code a.b}), in class path order. */
    private final Map<String, List<Entry>> byPackage = new HashMap<>();

    /** A class file's entry in one of the jars. */
    private record Entry(JarFile jar, String name) {
    }

    private ClassPathIndex() {
    }

    /** The index of {@code classPath} (entries separated by {@link File#pathSeparator}). */
    static ClassPathIndex of(String classPath) {
        ClassPathIndex index = new ClassPathIndex();
        try {
            for (String e : classPath.split(File.pathSeparator)) {
                if (!e.isEmpty()) {
                    try {
                        index.add(Path.of(e).toAbsolutePath().normalize());
                    } catch (InvalidPathException bad) {
                        // not a path on this system: nothing javac could read either
                    }
                }
            }
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        return index;
    }

    /**
     * Adds the entry {@code p} (once): a folder as it is; a jar opened once, its class files indexed
     * and then the entries its manifest's {@code Class-Path} names, in the order javac reads them.
     */
    private void add(Path p) {
        if (!seen.add(p)) {
            return;
        }
        if (Files.isDirectory(p)) {
            folders.add(p);
            return;
        }
        JarFile jar = Files.isRegularFile(p) ? open(p) : null;
        if (jar == null) {
            return;
        }
        jars.add(jar);
        index(jar);
        for (String ref : manifestClassPath(jar)) {
            Path next = resolveManifestEntry(p, ref);
            if (next != null) {
                add(next);
            }
        }
    }

    /** The entries of a jar's manifest {@code Class-Path}; none when it has none or cannot be read. */
    private static List<String> manifestClassPath(JarFile jar) {
        try {
            Manifest m = jar.getManifest();
            String value = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        } catch (IOException e) {
            return List.of(); // an unreadable manifest names no more jars
        }
    }

    /** The jar at {@code p}, or null when it is not one (a class path may name anything; javac skips it too). */
    private static JarFile open(Path p) {
        try {
            return new JarFile(p.toFile(), false);
        } catch (IOException e) {
            return null;
        }
    }

    /** A {@code Class-Path} entry: a URL relative to the jar's folder (or absolute); null if unusable. */
    private static Path resolveManifestEntry(Path jar, String ref) {
        if (ref.isEmpty()) {
            return null;
        }
        try {
            URI uri = jar.getParent().toUri().resolve(ref);
            return "file".equals(uri.getScheme()) ? Path.of(uri).normalize() : null;
        } catch (IllegalArgumentException e) { // InvalidPathException included
            return null;
        }
    }

    private void index(JarFile jar) {
        Enumeration<? extends ZipEntry> e = jar.entries();
        while (e.hasMoreElements()) {
            String name = e.nextElement().getName();
            if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                continue;
            }
            int slash = name.lastIndexOf('/');
            String pkg = slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
            byPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(new Entry(jar, name));
        }
    }

    /** The class path's folders, for javac's own file manager. */
    List<Path> folders() {
        return List.copyOf(folders);
    }

    /** The jars' class files in {@code packageName}, or in it and its subpackages when {@code recurse}. */
    List<JarClass> classesIn(String packageName, boolean recurse) {
        List<Entry> entries = new ArrayList<>(byPackage.getOrDefault(packageName, List.of()));
        if (recurse) {
            String prefix = packageName.isEmpty() ? "" : packageName + ".";
            byPackage.forEach((pkg, inPkg) -> {
                if (!pkg.equals(packageName) && pkg.startsWith(prefix)) {
                    entries.addAll(inPkg);
                }
            });
        }
        return entries.stream().map(e -> new JarClass(e.jar(), e.name())).toList();
    }

    @Override
    public void close() {
        for (JarFile j : jars) {
            try {
                j.close();
            } catch (IOException e) {
                // read-only: nothing is lost when closing fails
            }
        }
    }

    /** A class file in a jar of the class path, read when javac needs it. */
    static final class JarClass extends SimpleJavaFileObject {
        private final JarFile jar;
        private final String entry;
        private final String binaryName;

        JarClass(JarFile jar, String entry) {
            super(uri(entry), Kind.CLASS);
            this.jar = jar;
            this.entry = entry;
            this.binaryName = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        }

        /** A hierarchical URI whose path ends with the entry (javac matches simple names on it). */
        private static URI uri(String entry) {
            try {
                return new URI("classpath", null, "/" + entry, null);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("a class path entry javac cannot name: " + entry, e);
            }
        }

        String binaryName() {
            return binaryName;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            ZipEntry e = jar.getEntry(entry);
            if (e == null) {
                throw new IOException("no entry " + entry + " in " + jar.getName());
            }
            return jar.getInputStream(e);
        }
    }
}
