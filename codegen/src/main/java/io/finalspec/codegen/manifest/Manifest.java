package io.finalspec.codegen.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parsed model manifest. */
public record Manifest(Path file, List<ModelEntry> models, List<DrawingEntry> drawings) {

    public Manifest {
        models = List.copyOf(models);
        drawings = List.copyOf(drawings);
    }

    /** A manifest without {@code [[drawing]]} tables. */
    public Manifest(Path file, List<ModelEntry> models) {
        this(file, models, List.of());
    }

    /** The {@code [[drawing]]} table of {@code spec} (a file the manifest names), if any. */
    public Optional<DrawingEntry> drawing(Path spec) {
        Path wanted = spec.toAbsolutePath().normalize();
        return drawings.stream().filter(d -> d.spec().toAbsolutePath().normalize().equals(wanted)).findFirst();
    }

    public Optional<ModelEntry> find(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * The models a run selects: the named ones (in the order given), or every default-tier model
     * (every model with {@code all}). An unknown name is a user error listing the known ones.
     */
    public List<ModelEntry> select(List<String> names, boolean all) {
        if (names.isEmpty()) {
            return models.stream().filter(m -> all || m.tier() == ModelEntry.Tier.DEFAULT).toList();
        }
        List<ModelEntry> out = new ArrayList<>();
        for (String n : names) {
            out.add(find(n).orElseThrow(() -> new IllegalArgumentException(
                "unknown model '" + n + "' in " + file + " (try `finalspec check --list`)")));
        }
        return out;
    }
}
