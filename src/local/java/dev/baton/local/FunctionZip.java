package dev.baton.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacks function.zip the way Lambda does before it starts the function. */
final class FunctionZip {

    private FunctionZip() {
    }

    /** Unpacks {@code zip} into {@code dir} (replacing what was there) and answers {@code dir}. */
    static Path unpack(Path zip, Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Path root = dir.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(in, target);
                }
            }
        }
        // ZipInputStream drops the Unix mode; a native build's bootstrap must be executable, as Lambda keeps it
        Path bootstrap = root.resolve(FunctionProcess.BOOTSTRAP);
        if (Files.isRegularFile(bootstrap) && !bootstrap.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + bootstrap + " executable");
        }
        return dir;
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
