package io.finalspec.codegen.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * The class path of generated code: the runtime library's class files alone (package
 * {@code io.finalspec.runtime} and below), taken from wherever the runtime was loaded from: its
 * jar, the fat jar of the command-line tool, or a classes folder (tests, IDEs). javac then never
 * opens the other jars of the process's class path; in the 27 MB fat jar it would index every
 * package of TLC, ANTLR, Hazelcast and the rest before compiling a machine.
 */
final class RuntimeClassPath implements AutoCloseable {

    static final String PACKAGE = "io.finalspec.runtime";
    private static final String FOLDER = PACKAGE.replace('.', '/') + "/";

    private final JarFile jar;
    private final List<ClassFile> classes;

    private RuntimeClassPath(JarFile jar, List<ClassFile> classes) {
        this.jar = jar;
        this.classes = classes;
    }

    /** Where the runtime library was loaded from (a jar or a classes folder), if known. */
    static Optional<Path> location() {
        try {
            CodeSource source = io.finalspec.runtime.machine.Machine.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The runtime's class files, or empty when its location is unknown or unreadable. */
    static Optional<RuntimeClassPath> open() {
        Optional<Path> where = location();
        if (where.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.isDirectory(where.get()) ? inFolder(where.get()) : inJar(where.get()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static RuntimeClassPath inFolder(Path root) throws IOException {
        List<ClassFile> classes = new ArrayList<>();
        Path top = root.resolve(FOLDER);
        if (Files.isDirectory(top)) {
            try (Stream<Path> files = Files.walk(top)) {
                files.filter(f -> f.getFileName().toString().endsWith(".class")).forEach(f -> {
                    String path = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                    classes.add(new ClassFile(path, () -> Files.newInputStream(f)));
                });
            }
        }
        return new RuntimeClassPath(null, classes);
    }

    private static RuntimeClassPath inJar(Path file) throws IOException {
        JarFile jar = new JarFile(file.toFile());
        List<ClassFile> classes = new ArrayList<>();
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            if (entry.getName().startsWith(FOLDER) && entry.getName().endsWith(".class") && !entry.isDirectory()) {
                classes.add(new ClassFile(entry.getName(), () -> jar.getInputStream(entry)));
            }
        }
        return new RuntimeClassPath(jar, classes);
    }

    /** The class files of {@code packageName}, and of its subpackages when {@code recurse}. */
    List<JavaFileObject> list(String packageName, boolean recurse) {
        String prefix = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
        List<JavaFileObject> out = new ArrayList<>();
        for (ClassFile c : classes) {
            if (c.path.startsWith(prefix) && (recurse || c.path.indexOf('/', prefix.length()) < 0)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The binary name of one of these class files, or null for another file. */
    static String binaryName(JavaFileObject file) {
        return file instanceof ClassFile c ? c.binaryName() : null;
    }

    boolean isEmpty() {
        return classes.isEmpty();
    }

    @Override
    public void close() throws IOException {
        if (jar != null) {
            jar.close();
        }
    }

    /** Opens a class file's bytes. */
    private interface Opener {
        InputStream open() throws IOException;
    }

    private static final class ClassFile extends SimpleJavaFileObject {
        private final String path;
        private final Opener opener;

        ClassFile(String path, Opener opener) {
            super(URI.create("runtime:///" + path), Kind.CLASS);
            this.path = path;
            this.opener = opener;
        }

        String binaryName() {
            return path.substring(0, path.length() - ".class".length()).replace('/', '.');
        }

        @Override
        public InputStream openInputStream() throws IOException {
            return opener.open();
        }
    }
}
