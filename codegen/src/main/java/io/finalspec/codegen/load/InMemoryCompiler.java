package io.finalspec.codegen.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with {@code javax.tools} and loads the classes in a fresh class
 * loader whose parent sees the runtime library. Nothing touches the disk, so a machine generated
 * from a user's spec can be explored right away by {@code finalspec explore}.
 */
public final class InMemoryCompiler {

    private final ClassLoader parent;

    public InMemoryCompiler(ClassLoader parent) {
        this.parent = parent;
    }

    /** A compiler whose classes see the class loader that loaded finalspec itself. */
    public static InMemoryCompiler withContextLoader() {
        return new InMemoryCompiler(InMemoryCompiler.class.getClassLoader());
    }

    /** Compiles the sources together and returns a loader in which all their classes can be found. */
    public ClassLoader compile(List<JavaSource> sources) throws CompileException {
        return load(compileToBytes(sources));
    }

    /** A loader, child of this compiler's parent, that defines the given class files (binary name to bytes). */
    public ClassLoader load(Map<String, byte[]> classes) {
        return new MemoryClassLoader(Map.copyOf(classes), parent);
    }

    /** Compiles the sources together against this JVM's class path; the class files by binary name. */
    public Map<String, byte[]> compileToBytes(List<JavaSource> sources) throws CompileException {
        return compileToBytes(sources, System.getProperty("java.class.path"));
    }

    /** As {@link #compileToBytes(List)}, against {@code classPath} (entries separated by the path separator). */
    Map<String, byte[]> compileToBytes(List<JavaSource> sources, String classPath) throws CompileException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run finalspec on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        List<JavaFileObject> units = new ArrayList<>();
        for (JavaSource s : sources) {
            units.add(new SourceFile(s));
        }
        // No --release: the classes are for this JVM (the machine cache's key holds its version), and
        // --release reads the JDK's symbol archive, a quarter of a second of a cold start.
        List<String> options = List.of("-g", "-nowarn", "-proc:none");
        try (ClassPathIndex index = ClassPathIndex.of(classPath);
             MemoryFileManager files = new MemoryFileManager(std, index)) {
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                throw new CompileException(describe(diagnostics.getDiagnostics()));
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            files.classes.forEach((name, file) -> classes.put(name, file.bytes.toByteArray()));
            return classes;
        } catch (IOException e) {
            throw new CompileException(List.of("cannot read the class path to compile against: " + e.getMessage()));
        }
    }

    /** Compiles and loads one class, returning it. */
    public Class<?> compileAndLoad(JavaSource source) throws CompileException {
        try {
            return compile(List.of(source)).loadClass(source.className());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled " + source.className() + " but could not load it", e);
        }
    }

    private static List<String> describe(List<Diagnostic<? extends JavaFileObject>> ds) {
        List<String> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : ds) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
                out.add(where + d.getMessage(Locale.ROOT));
            }
        }
        return out;
    }

    private static final class SourceFile extends SimpleJavaFileObject {
        private final String code;

        SourceFile(JavaSource source) {
            super(URI.create("string:///" + source.path()), Kind.SOURCE);
            this.code = source.code();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    private static final class ClassFile extends SimpleJavaFileObject {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ClassFile(String name) {
            super(URI.create("bytes:///" + name.replace('.', '/') + ".class"), Kind.CLASS);
        }

        @Override
        public OutputStream openOutputStream() {
            return bytes;
        }
    }

    /**
     * Class files go to memory; the class path is {@link ClassPathIndex}'s: its folders through
     * javac's file manager, its jars' classes from the index.
     */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ClassFile> classes = new HashMap<>();
        private final ClassPathIndex classPath;

        MemoryFileManager(StandardJavaFileManager delegate, ClassPathIndex classPath) throws IOException {
            super(delegate);
            this.classPath = classPath;
            delegate.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath.folders());
        }

        @Override
        public boolean hasLocation(Location location) {
            return location == StandardLocation.CLASS_PATH || super.hasLocation(location);
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                             boolean recurse) throws IOException {
            Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
            if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)) {
                return listed;
            }
            List<JavaFileObject> all = new ArrayList<>();
            listed.forEach(all::add);
            all.addAll(classPath.classesIn(packageName, recurse));
            return all;
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof ClassPathIndex.JarClass c ? c.binaryName() : super.inferBinaryName(location, file);
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            if (a instanceof ClassPathIndex.JarClass || b instanceof ClassPathIndex.JarClass
                    || a instanceof ClassFile || b instanceof ClassFile) {
                return a.toUri().equals(b.toUri());
            }
            return super.isSameFile(a, b);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            ClassFile f = new ClassFile(className);
            classes.put(className, f);
            return f;
        }
    }

    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
