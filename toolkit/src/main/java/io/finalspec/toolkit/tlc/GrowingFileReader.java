package io.finalspec.toolkit.tlc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Reads a file while another process is still writing it: at the current end it waits for more
 * bytes until the writer has finished, and only then reports the end. Lets the graph comparison
 * run on one core while TLC writes its graph on the other.
 */
final class GrowingFileReader extends InputStream {

    private static final long POLL_MILLIS = 5;

    private final Path file;
    private final BooleanSupplier writerFinished;
    private InputStream in;

    GrowingFileReader(Path file, BooleanSupplier writerFinished) {
        this.file = file;
        this.writerFinished = writerFinished;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            // Read the flag before the file: bytes written before the writer finished are then all visible.
            boolean finished = writerFinished.getAsBoolean();
            if (in == null && Files.exists(file)) {
                in = Files.newInputStream(file);
            }
            int n = in == null ? -1 : in.read(b, off, len);
            if (n > 0 || finished) {
                return n == 0 ? -1 : n;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for TLC's graph", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
