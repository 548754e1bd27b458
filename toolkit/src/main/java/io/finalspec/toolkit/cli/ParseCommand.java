package io.finalspec.toolkit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.finalspec.codegen.ast.SexpPrinter;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.parse.Frontend;
import io.finalspec.codegen.parse.ParseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code finalspec parse}: parses one TLA+ module with finalspec's own front end. */
@Command(name = "parse", mixinStandardHelpOptions = true,
    header = "Parses one TLA+ module with finalspec's front end.",
    description = {"Parses one TLA+ module (no config needed) and prints ok, or each error as file:line:column: message (exit 3).",
        "With --sexp, prints the syntax tree as an S-expression in which every junction list is (and ...) or (or ...)",
        "with one child per bullet, so its nesting can be compared with SANY's."})
final class ParseCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.tla", description = "The module to parse.")
    private Path file;

    @Option(names = "--sexp", description = "Print the syntax tree as an S-expression.")
    private boolean sexp;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": file not found");
        }
        ParseResult result = Frontend.parseFile(file);
        if (!result.ok()) {
            PrintWriter err = spec.commandLine().getErr();
            for (Diagnostic d : result.diagnostics()) {
                err.println(d.format());
            }
            return ExitCode.INPUT.code();
        }
        out.println(sexp ? SexpPrinter.print(result.module()) : "ok");
        return ExitCode.OK.code();
    }
}
