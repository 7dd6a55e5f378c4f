package org.nadi.platform.kernel.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The locations of refused installs whose activator had not yet returned, so their removal
 * could not finish. They are written down before the refusal is answered, so that if the
 * runtime stops first, the next start removes them: a refused install never stays behind.
 */
final class PendingRollbacks {

    private final Path file;

    PendingRollbacks(Path file) {
        this.file = file;
    }

    synchronized List<String> locations() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void add(String location) {
        List<String> locations = new ArrayList<>(locations());
        if (!locations.contains(location)) {
            locations.add(location);
            write(locations);
        }
    }

    synchronized void remove(String location) {
        List<String> locations = new ArrayList<>(locations());
        if (locations.remove(location)) {
            write(locations);
        }
    }

    /** Replaces the file whole, so a crash leaves either the old list or the new one. */
    private void write(List<String> locations) {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.write(next, locations, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
