package io.finalspec.distributed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The checkpoint folder of a distributed run: written by the coordinator at level boundaries, read
 * back by {@code explore --distributed --resume DIR} (as TLC's {@code -recover}).
 *
 * <p>At a level boundary every member's seen set and its share of the next level are consistent
 * (the barrier), and the seen set is exactly the union of the levels so far. So a checkpoint is
 * incremental: {@code seen-NNNNN.bin} holds the {@code fingerprint, parent} pairs (16 bytes, little
 * endian) of the states first seen since the previous checkpoint, and {@code frontier-LLLLL.bin} the
 * level about to be expanded as {@code fingerprint, length, state bytes} records (the members'
 * frontier form). {@code checkpoint.properties} names them, with each file's length and CRC-32, the
 * format, the finalspec version, the machine's identity (spec, variables, actions, checks, initial
 * states' fingerprints) and the run's counters; it is replaced atomically last, so a run killed while
 * writing leaves the previous checkpoint whole. Resuming redistributes every pair and state by the
 * owner function of the new member set, so a run may resume on another number of members.
 */
public final class Checkpoint {
    /** The format this finalspec writes and reads. */
    static final int FORMAT = 1;
    static final String INDEX = "checkpoint.properties";
    private static final int SEEN_RECORD = 2 * Long.BYTES;

    /** Where a run stands at a checkpoint: levels done, depth, counters and the frontier's size. */
    public record Position(int level, int depth, long generated, long distinct, long frontierStates) {
    }

    /** A checkpoint that cannot be written to or resumed from: the message says why. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** Writes one file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** One state of the frontier file: its fingerprint and bytes. */
    @FunctionalInterface
    interface RecordVisitor {
        void visit(long fp, byte[] state);
    }

    /** One {@code fingerprint, parent} pair of a seen file. */
    @FunctionalInterface
    interface PairVisitor {
        void visit(long fp, long parent);
    }

    private record FileSum(String name, long bytes, long crc) {
    }

    private final Path dir;
    private final String identity;
    private final List<FileSum> seen = new ArrayList<>();
    private FileSum frontier;
    private Position position;

    private Checkpoint(Path dir, String identity) {
        this.dir = dir;
        this.identity = identity;
    }

    /** The finalspec version checkpoints record: a build's state bytes are only promised to itself. */
    static String version() {
        String v = Checkpoint.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** A new checkpoint folder for a run of the machine {@code identity}; refuses one that holds a checkpoint. */
    static Checkpoint create(Path dir, String identity) {
        if (Files.exists(dir.resolve(INDEX))) {
            throw new Refused(dir + " already holds a checkpoint: resume it with --resume " + dir
                    + ", or give another folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Refused(dir + ": cannot create the checkpoint folder: " + e);
        }
        return new Checkpoint(dir, identity);
    }

    /** The checkpoint in {@code dir}, checked: its format, version, machine and every file's length and CRC. */
    static Checkpoint open(Path dir, String identity) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(INDEX))) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new Refused(dir + ": no checkpoint here (no " + INDEX + ")");
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(dir + ": unreadable " + INDEX + ": " + e.getMessage());
        }
        String format = p.getProperty("format");
        if (!String.valueOf(FORMAT).equals(format)) {
            throw new Refused(dir + ": checkpoint format " + format + ", this finalspec reads format " + FORMAT);
        }
        if (!version().equals(p.getProperty("finalspec"))) {
            throw new Refused(dir + ": checkpoint written by finalspec " + p.getProperty("finalspec") + ", this is finalspec "
                    + version() + " (a build's state bytes are only promised to itself): explore again without --resume");
        }
        if (!identity.equals(p.getProperty("machine"))) {
            throw new Refused(dir + ": checkpoint of another spec or model:\n  the checkpoint's: " + p.getProperty("machine")
                    + "\n  this run's: " + identity);
        }
        Checkpoint c = new Checkpoint(dir, identity);
        try {
            int files = Integer.parseInt(p.getProperty("seen.files"));
            for (int i = 0; i < files; i++) {
                c.seen.add(c.checked(fileSum(p, "seen." + i)));
            }
            c.frontier = c.checked(fileSum(p, "frontier"));
            c.position = new Position(Integer.parseInt(p.getProperty("level")), Integer.parseInt(p.getProperty("depth")),
                    Long.parseLong(p.getProperty("generated")), Long.parseLong(p.getProperty("distinct")),
                    Long.parseLong(p.getProperty("frontier.states")));
        } catch (NumberFormatException | NullPointerException e) {
            throw new Refused(dir + ": damaged " + INDEX + " (a missing or malformed entry)");
        }
        return c;
    }

    private static FileSum fileSum(Properties p, String key) {
        return new FileSum(p.getProperty(key + ".name"), Long.parseLong(p.getProperty(key + ".bytes")),
                Long.parseLong(p.getProperty(key + ".crc32")));
    }

    private FileSum checked(FileSum f) {
        Path file = dir.resolve(f.name());
        CRC32 crc = new CRC32();
        long bytes = 0;
        try (InputStream in = new CheckedInputStream(Files.newInputStream(file), crc)) {
            byte[] b = new byte[1 << 16];
            for (int n; (n = in.read(b)) > 0; ) {
                bytes += n;
            }
        } catch (IOException e) {
            throw new Refused(dir + ": checkpoint file " + f.name() + " is missing or unreadable: " + e.getMessage());
        }
        if (bytes != f.bytes() || crc.getValue() != f.crc()) {
            throw new Refused(dir + ": checkpoint file " + f.name() + " is damaged (" + bytes + " bytes, CRC-32 "
                    + Long.toHexString(crc.getValue()) + "; the index says " + f.bytes() + " bytes, "
                    + Long.toHexString(f.crc()) + ")");
        }
        return f;
    }

    public Path dir() {
        return dir;
    }

    /** The last checkpoint written or read; null before the first. */
    public Position position() {
        return position;
    }

    /**
     * Writes a checkpoint at {@code at}: the pairs first seen since the previous one and the
     * frontier, then the index that names them (atomically), then deletes the previous frontier.
     */
    void write(Position at, Content newPairs, Content frontierRecords) throws IOException {
        FileSum pairs = writeFile(String.format("seen-%05d.bin", seen.size()), newPairs);
        if (pairs.bytes() % SEEN_RECORD != 0) {
            throw new IllegalStateException("seen pairs of " + pairs.bytes() + " bytes");
        }
        FileSum front = writeFile(String.format("frontier-%05d.bin", at.level()), frontierRecords);
        List<FileSum> allSeen = new ArrayList<>(seen);
        allSeen.add(pairs);
        Properties p = new SortedProperties();
        p.setProperty("format", String.valueOf(FORMAT));
        p.setProperty("finalspec", version());
        p.setProperty("machine", identity);
        p.setProperty("level", String.valueOf(at.level()));
        p.setProperty("depth", String.valueOf(at.depth()));
        p.setProperty("generated", String.valueOf(at.generated()));
        p.setProperty("distinct", String.valueOf(at.distinct()));
        p.setProperty("frontier.states", String.valueOf(at.frontierStates()));
        p.setProperty("seen.files", String.valueOf(allSeen.size()));
        for (int i = 0; i < allSeen.size(); i++) {
            put(p, "seen." + i, allSeen.get(i));
        }
        put(p, "frontier", front);
        Path tmp = dir.resolve(INDEX + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "finalspec explore --distributed checkpoint: resume with --resume <this folder>");
        }
        Files.move(tmp, dir.resolve(INDEX), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FileSum old = frontier;
        seen.add(pairs);
        frontier = front;
        position = at;
        if (old != null && !old.name().equals(front.name())) {
            Files.deleteIfExists(dir.resolve(old.name()));
        }
    }

    /** Properties stored in key order, so the index reads the same from one checkpoint to the next. */
    private static final class SortedProperties extends Properties {
        private static final long serialVersionUID = 1L;

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            Set<Map.Entry<Object, Object>> sorted = new TreeSet<>(Comparator.comparing(e -> e.getKey().toString()));
            sorted.addAll(super.entrySet());
            return sorted;
        }
    }

    private static void put(Properties p, String key, FileSum f) {
        p.setProperty(key + ".name", f.name());
        p.setProperty(key + ".bytes", String.valueOf(f.bytes()));
        p.setProperty(key + ".crc32", String.valueOf(f.crc()));
    }

    private FileSum writeFile(String name, Content content) throws IOException {
        CRC32 crc = new CRC32();
        Path file = dir.resolve(name);
        try (OutputStream out = new CheckedOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), crc)) {
            content.writeTo(out);
        }
        return new FileSum(name, Files.size(file), crc.getValue());
    }

    /** Every pair of the seen files, in order. */
    void forEachSeen(PairVisitor visitor) {
        byte[] record = new byte[SEEN_RECORD];
        for (FileSum f : seen) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(f.name())), 1 << 16)) {
                while (in.readNBytes(record, 0, SEEN_RECORD) == SEEN_RECORD) {
                    visitor.visit(ByteBuf.getLong(record, 0), ByteBuf.getLong(record, Long.BYTES));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every record of the frontier, in order, read as a stream (a level may not fit twice in memory). */
    void forEachFrontier(RecordVisitor visitor) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(frontier.name())), 1 << 16)) {
            byte[] head = new byte[Long.BYTES];
            while (in.readNBytes(head, 0, Long.BYTES) == Long.BYTES) {
                int len = readVarInt(in);
                byte[] state = in.readNBytes(len);
                if (state.length != len) {
                    throw new Refused(dir + ": checkpoint file " + frontier.name() + " ends inside a state");
                }
                visitor.visit(ByteBuf.getLong(head, 0), state);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int readVarInt(InputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new Refused(dir + ": checkpoint file " + frontier.name() + " has a bad state length");
    }
}
