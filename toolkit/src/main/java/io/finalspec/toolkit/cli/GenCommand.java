package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import javax.lang.model.SourceVersion;

import io.finalspec.codegen.CompileOptions;
import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.load.JavaSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finalspec gen}: compiles a spec and model to Java source. */
@Command(name = "gen", mixinStandardHelpOptions = true,
    header = "Compiles a spec and model to a Java state machine.",
    description = {"Compiles a TLA+ spec and model (config) to a Java state machine that needs only finalspec-runtime,",
        "and its typed live facade (XLive beside XMachine: one method per action, see runtime/API.md).",
        "Writes the sources under DIR in their package folders (one path a line), or prints them when no -o is given."})
final class GenCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private SpecArgs args;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Source folder to write into (e.g. src/main/java).")
    private Path output;

    @Option(names = {"-p", "--package"}, paramLabel = "NAME", defaultValue = "finalspec.generated",
        description = "Java package of the machine (default: ${DEFAULT-VALUE}).")
    private String packageName;

    @Option(names = "--class", paramLabel = "NAME", description = "Class name (default: from the module and config names).")
    private String className;

    @Override
    public Integer call() throws IOException {
        // SourceVersion.isName also rejects keywords and literals (int, class, true), which javac would refuse.
        if (!SourceVersion.isName(packageName)) {
            throw new UserError("-p " + packageName + ": not a Java package name (dot-separated identifiers, none a Java keyword)", ExitCode.USAGE);
        }
        if (className != null && (!SourceVersion.isName(className) || className.contains("."))) {
            throw new UserError("--class " + className + ": not a Java class name (one identifier, not a Java keyword)", ExitCode.USAGE);
        }
        CompileResult result = Compiler.compile(args.spec(), args.config(), new CompileOptions(packageName, className));
        if (!result.ok()) {
            throw SpecArgs.failure(result.diagnostics(), args.spec(), args.config());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (JavaSource source : result.sources()) {
            if (output == null) {
                out.print(source.code());
            } else {
                Path file = output.resolve(source.className().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.code());
                out.println(file);
            }
        }
        return ExitCode.OK.code();
    }
}
