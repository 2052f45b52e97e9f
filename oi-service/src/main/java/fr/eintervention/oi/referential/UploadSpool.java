package fr.eintervention.oi.referential;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** An uploaded file written to a temporary file as it comes, never held in memory, up to a size. */
final class UploadSpool {

    /** The file written and its size. */
    record Spooled(Path file, long size) {
    }

    private UploadSpool() {
    }

    /** The body in a temporary file; empty (and no file left) when it is larger than {@code max} bytes. */
    static Optional<Spooled> spool(InputStream body, long max) throws IOException {
        Path file = Files.createTempFile("referential-import-", ".csv");
        try {
            long size = copyAtMost(body, file, max);
            if (size > max) {
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            return Optional.of(new Spooled(file, size));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static long copyAtMost(InputStream body, Path file, long max) throws IOException {
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                size += n;
                if (size > max) {
                    return size;
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }
}
