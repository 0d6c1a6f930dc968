package ecsvpce.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The deployment package as {@code sam build} lays it out for Lambda (the function's classes at the
 * top, its runtime jars in {@code lib/}), zipped, and what each jar adds to it.
 */
final class Artifact {
    private Artifact() {
    }

    /** @param classpath the function's classes directories and runtime jars; test classes are left out */
    static void print(String classpath, Path zip, PrintStream out) throws IOException {
        List<Path> entries = Stream.of(classpath.split(java.io.File.pathSeparator)).map(Path::of)
                .filter(path -> !path.endsWith("test-classes")).toList();
        List<Path> jars = entries.stream().filter(path -> path.toString().endsWith(".jar"))
                .sorted(Comparator.comparingLong(Artifact::size).reversed()).toList();
        long unzipped = 0;
        try (ZipOutputStream package_ = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path classes : entries.stream().filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        unzipped += add(package_, classes.relativize(file).toString(), file);
                    }
                }
            }
            for (Path jar : jars) {
                unzipped += add(package_, "lib/" + jar.getFileName(), jar);
            }
        }
        long total = size(zip);
        out.printf("deployment package (sam build's layout, zipped): %.1f MB (%.1f MB unzipped), %s%n", total / 1e6,
                unzipped / 1e6, zip);
        out.println("| jar | size | share |");
        out.println("| --- | ---: | ---: |");
        for (Path jar : jars) {
            out.printf("| %s | %.2f MB | %.1f %% |%n", jar.getFileName(), size(jar) / 1e6, 100.0 * size(jar) / total);
        }
    }

    private static long add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        long bytes = Files.copy(file, (OutputStream) zip);
        zip.closeEntry();
        return bytes;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
