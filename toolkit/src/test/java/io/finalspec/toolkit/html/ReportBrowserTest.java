package io.finalspec.toolkit.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.finalspec.toolkit.cli.Main;

/**
 * The report as a browser shows it: headless Chromium loads the page from disk, runs its script,
 * and must log nothing to the console; the DOM it ends with has the check table, the bug table and
 * drawings that are not empty; a click on a step shows that step's state; a screenshot is kept
 * under {@code target/report-browser/}. Without Chromium the test is skipped, unless
 * {@code FINALSPEC_CI=1} (set by {@code .ci/run}, which installs Debian's chromium) makes that a failure.
 */
class ReportBrowserTest {

    static final Path RESOURCES = Path.of("src/test/resources/report").toAbsolutePath();
    static final Path OUT = Path.of("target/report-browser").toAbsolutePath();

    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        chromium = onPath("chromium", "chromium-browser", "google-chrome").orElse(null);
        if (chromium == null) {
            if ("1".equals(System.getenv("FINALSPEC_CI"))) {
                fail("FINALSPEC_CI=1 but no chromium on the PATH (.ci/run installs Debian's chromium)");
            }
            Assumptions.abort("no chromium on the PATH: the browser test is skipped (apt-get install chromium to run it)");
        }
    }

    private static Optional<Path> onPath(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String n : names) {
                Path p = Path.of(dir, n);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** What Chromium printed: the DOM (stdout) and its log (stderr, console messages as {@code CONSOLE} lines). */
    record Run(String dom, String log) {
        List<String> console() {
            return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    private static Run chromium(Path page, String... mode) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(OUT.resolve("profile"));
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--hide-scrollbars"));
        cmd.addAll(List.of(mode));
        cmd.add(page.toUri().toString());
        Path stdout = OUT.resolve("chromium.out");
        Path stderr = OUT.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            fail("chromium did not end within 180 s: " + cmd);
        }
        return new Run(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static Path page;

    /** The report over the test resources, written once for every test of the class. */
    private static synchronized Path report() throws IOException {
        if (page != null) {
            return page;
        }
        Path dir = OUT.resolve("page");
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"report", "--out", dir.toString(), "--check", RESOURCES.resolve("check.json").toString(),
            "--manifest", RESOURCES.resolve("models.toml").toString(), "--bugs", RESOURCES.resolve("bugs.md").toString(),
            "--results", RESOURCES.resolve("explore.json").toString()}, new PrintWriter(out, true), new PrintWriter(out, true));
        assertEquals(0, code, out.toString());
        page = dir.resolve("index.html");
        return page;
    }

    @Test
    void rendersWithoutConsoleErrorsAndEveryDrawingIsDrawn() throws Exception {
        Path page = report();
        Run run = chromium(page, "--dump-dom");
        assertEquals(List.of(), run.console(), "console messages");
        String dom = run.dom();
        assertTrue(dom.contains("id=\"check-table\"") && dom.contains("<td>lockstep-bug</td>"), dom);
        assertTrue(dom.contains("id=\"bug-table\"") && dom.contains("id=\"switch-table\""), dom);
        Matcher svg = Pattern.compile("<svg [^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
        int drawings = 0;
        while (svg.find()) {
            drawings++;
            assertTrue(svg.group(1).contains("class=\"step\"") && svg.group(1).contains("class=\"box\""), "an empty drawing: " + svg.group());
        }
        assertEquals(3, drawings, "TLC's trace and the two fewest-switch traces");

        Path png = OUT.resolve("report.png");
        Files.deleteIfExists(png);
        chromium(page, "--window-size=1400,2600", "--screenshot=" + png);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 10_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', "a PNG of the page at " + png);
    }

    @Test
    void clickingAStepShowsItsState() throws Exception {
        Path page = report();
        // The page's own script, then a click on state 2 of the first drawing, as a reader would.
        Path clicked = page.resolveSibling("clicked.html");
        Files.writeString(clicked, Files.readString(page).replace("</body>",
            "<script>document.querySelector('svg.swimlane g.step[data-step=\"2\"]')"
                + ".dispatchEvent(new MouseEvent('click', {bubbles: true}));</script></body>"));
        Run run = chromium(clicked, "--dump-dom");
        assertEquals(List.of(), run.console(), "console messages");
        String first = run.dom().substring(run.dom().indexOf("class=\"pair\""));
        first = first.substring(0, first.indexOf("class=\"pair\"", 5) < 0 ? first.length() : first.indexOf("class=\"pair\"", 5));
        Matcher tables = Pattern.compile("<table class=\"state\" data-step=\"(\\d+)\"( hidden=\"\")?").matcher(first);
        List<String> shown = new ArrayList<>();
        while (tables.find()) {
            if (tables.group(2) == null) {
                shown.add(tables.group(1));
            }
        }
        assertEquals(List.of("2"), shown, "only the clicked state is shown");
    }

    @Test
    void theConsoleCheckSeesAnError() throws Exception {
        Path page = Files.createDirectories(OUT).resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><script>notDefined();</script></body></html>");
        assertTrue(chromium(page, "--dump-dom").console().stream().anyMatch(l -> l.contains("notDefined")),
            "a page with a script error must be caught by the console check");
    }
}
