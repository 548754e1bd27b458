package io.finalspec.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import io.finalspec.codegen.CompileOptions;
import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.load.JavaSource;
import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;

/**
 * Generates one Java state machine per TLA+ spec and model, into
 * {@code target/generated-sources/finalspec}, and adds that folder to the compile sources. The
 * machines need only {@code finalspec-runtime} at run time.
 *
 * <p>Machines come from the {@code <machines>} list, from every model of a finalspec
 * {@code models.toml} ({@code <manifest>}), or both. A spec outside the supported TLA+ fragment
 * fails the build with {@code file:line:column: message} lines.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project.basedir}/src/main/tla")
    private File specDirectory;

    @Parameter
    private List<Machine> machines = new ArrayList<>();

    @Parameter
    private File manifest;

    @Parameter(defaultValue = "finalspec.generated")
    private String packageName;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/finalspec")
    private File outputDirectory;

    @Parameter(property = "finalspec.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("finalspec: generation skipped");
            return;
        }
        Map<String, Job> jobs = collectJobs();
        List<String> errors = new ArrayList<>();
        int written = 0;
        for (Job job : jobs.values()) {
            written += generate(job, errors);
        }
        if (!errors.isEmpty()) {
            errors.forEach(getLog()::error);
            throw new MojoFailureException("finalspec: " + errors.size() + " error(s) generating machines (see above)");
        }
        project.addCompileSourceRoot(outputDirectory.getPath());
        getLog().info("finalspec: generated " + written + " machine source(s) into " + outputDirectory);
    }

    /** One spec + config to compile; keyed so a spec/config pair listed twice is generated once. */
    private record Job(Path spec, Path config, String className) {
    }

    private Map<String, Job> collectJobs() throws MojoFailureException {
        Map<String, Job> jobs = new LinkedHashMap<>();
        for (Machine m : machines) {
            if (m.spec == null || m.config == null) {
                throw new MojoFailureException("finalspec: every <machine> needs a <spec> and a <config>");
            }
            Path spec = specDirectory.toPath().resolve(m.spec);
            Path config = specDirectory.toPath().resolve(m.config);
            jobs.putIfAbsent(spec + "|" + config, new Job(spec, config, m.className));
        }
        if (manifest != null) {
            for (ModelEntry e : readManifest().models()) {
                jobs.putIfAbsent(e.spec() + "|" + e.config(), new Job(e.spec(), e.config(), null));
            }
        }
        if (jobs.isEmpty()) {
            getLog().warn("finalspec: nothing to generate: configure <machines> or <manifest>");
        }
        return jobs;
    }

    private Manifest readManifest() throws MojoFailureException {
        try {
            return ManifestParser.parse(manifest.toPath());
        } catch (ManifestException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private int generate(Job job, List<String> errors) throws MojoExecutionException {
        CompileResult result = Compiler.compile(job.spec(), job.config(), new CompileOptions(packageName, job.className()));
        if (!result.ok()) {
            result.diagnostics().forEach(d -> errors.add(d.toString()));
            return 0;
        }
        for (JavaSource source : result.sources()) {
            write(source);
        }
        return result.sources().size();
    }

    private void write(JavaSource source) throws MojoExecutionException {
        Path file = outputDirectory.toPath().resolve(source.className().replace('.', '/') + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.code());
        } catch (IOException e) {
            throw new MojoExecutionException("finalspec: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
