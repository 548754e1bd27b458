package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.diag.Diagnostic;

/** Every Throwable ends as one line and a documented exit code; the stack of a bug goes to a log file. */
class ErrorBoundaryTest {

    private record Reported(int code, String err) {
    }

    private static Reported report(Throwable t) {
        StringWriter err = new StringWriter();
        int code = new ErrorBoundary(new PrintWriter(err, true), new String[] {"explore", "X.tla"}).report(t);
        return new Reported(code, err.toString());
    }

    @Test
    void aBugIsOneLineAndALogFileWithTheStack() throws Exception {
        for (Throwable bug : List.of(new StackOverflowError(), new IllegalStateException("boom"), new NullPointerException(),
                new AssertionError("broken invariant of finalspec"))) {
            Reported r = report(bug);
            assertEquals(ExitCode.INTERNAL.code(), r.code());
            assertEquals(1, r.err().lines().count(), r.err());
            Matcher m = Pattern.compile("the stack trace is in (\\S+)$").matcher(r.err().strip());
            assertTrue(m.find(), r.err());
            Path log = Path.of(m.group(1));
            String text = Files.readString(log);
            assertTrue(text.contains("command: finalspec explore X.tla") && text.contains(bug.getClass().getName())
                && text.contains("\tat io.finalspec.toolkit.cli.ErrorBoundaryTest"), text);
            Files.delete(log);
        }
    }

    @Test
    void outOfMemoryAnywhereInTheCausesIsItsOwnExitCode() {
        for (Throwable t : List.of(new OutOfMemoryError("Java heap space"),
                new IllegalStateException("worker failed", new OutOfMemoryError("GC overhead limit exceeded")))) {
            Reported r = report(t);
            assertEquals(ExitCode.RESOURCES.code(), r.code());
            assertTrue(r.err().startsWith("finalspec: out of memory") && r.err().contains("-Xmx") && r.err().contains("--workers"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        Reported counted = report(ResourceExhausted.afterStates("explore", 123_456));
        assertEquals(ExitCode.RESOURCES.code(), counted.code());
        assertTrue(counted.err().contains("after about 123,456 distinct states"), counted.err());
    }

    @Test
    void userErrorsKeepTheirCodeAndMessage() {
        Reported input = report(new UserError("Spec.tla:3:7: unexpected token"));
        assertEquals(3, input.code());
        assertEquals("finalspec: Spec.tla:3:7: unexpected token", input.err().strip());
        assertEquals(2, report(new UserError("--workers 0: ...", ExitCode.USAGE)).code());
    }

    @Test
    void anInternalDiagnosticOfTheCodeGeneratorIsABugNotBadInput() {
        Diagnostic internal = new Diagnostic(Span.point("Spec.tla", 1, 1), "internal", "internal error in the code generator: x");
        Diagnostic user = new Diagnostic(Span.point("Spec.tla", 4, 2), "undefined", "Foo is not defined");
        assertEquals(ExitCode.INTERNAL.code(), report(SpecArgs.failure(List.of(user, internal))).code());
        Reported r = report(SpecArgs.failure(List.of(user)));
        assertEquals(ExitCode.INPUT.code(), r.code());
        assertEquals("finalspec: Spec.tla:4:2: Foo is not defined", r.err().strip());
    }
}
