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
import java.util.LinkedHashSet;
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
    private final List<Path> folders;
    private final List<JarFile> jars;
    /** Entry names of the jars' class files by package name ({@code a.b}), in class path order. */
    private final Map<String, List<Entry>> byPackage;

    /** A class file's entry in one of the jars. */
    private record Entry(JarFile jar, String name) {
    }

    private ClassPathIndex(List<Path> folders, List<JarFile> jars, Map<String, List<Entry>> byPackage) {
        this.folders = List.copyOf(folders);
        this.jars = List.copyOf(jars);
        this.byPackage = byPackage;
    }

    /** The index of {@code classPath} (entries separated by {@link File#pathSeparator}). */
    static ClassPathIndex of(String classPath) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                try {
                    addWithManifestPath(Path.of(e).toAbsolutePath().normalize(), entries);
                } catch (InvalidPathException bad) {
                    // not a path on this system: nothing javac could read either
                }
            }
        }
        List<Path> folders = new ArrayList<>();
        List<JarFile> jars = new ArrayList<>();
        Map<String, List<Entry>> byPackage = new HashMap<>();
        try {
            for (Path p : entries) {
                if (Files.isDirectory(p)) {
                    folders.add(p);
                } else if (Files.isRegularFile(p)) {
                    JarFile jar = open(p);
                    if (jar != null) {
                        jars.add(jar);
                        index(jar, byPackage);
                    }
                }
            }
        } catch (RuntimeException e) {
            closeAll(jars);
            throw e;
        }
        return new ClassPathIndex(folders, jars, byPackage);
    }

    /** Adds {@code p} and, for a jar, the entries of its manifest's {@code Class-Path}, once each. */
    private static void addWithManifestPath(Path p, Set<Path> out) {
        if (!out.add(p) || !Files.isRegularFile(p)) {
            return;
        }
        String manifestPath = null;
        JarFile jar = open(p);
        if (jar != null) {
            try (jar) {
                Manifest m = jar.getManifest();
                manifestPath = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            } catch (IOException e) {
                manifestPath = null; // an unreadable manifest names no more jars
            }
        }
        if (manifestPath == null) {
            return;
        }
        for (String ref : manifestPath.trim().split("\\s+")) {
            Path next = resolveManifestEntry(p, ref);
            if (next != null) {
                addWithManifestPath(next, out);
            }
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

    private static void index(JarFile jar, Map<String, List<Entry>> byPackage) {
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
        return folders;
    }

    /** The jars' class files in {@code packageName}, or in it and its subpackages when {@code recurse}. */
    List<JarClass> classesIn(String packageName, boolean recurse) {
        if (!recurse) {
            return byPackage.getOrDefault(packageName, List.of()).stream().map(e -> new JarClass(e.jar(), e.name())).toList();
        }
        List<JarClass> out = new ArrayList<>();
        String prefix = packageName.isEmpty() ? "" : packageName + ".";
        byPackage.forEach((pkg, entries) -> {
            if (pkg.equals(packageName) || recurse && pkg.startsWith(prefix)) {
                entries.forEach(e -> out.add(new JarClass(e.jar(), e.name())));
            }
        });
        return out;
    }

    @Override
    public void close() {
        closeAll(jars);
    }

    private static void closeAll(List<JarFile> jars) {
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
