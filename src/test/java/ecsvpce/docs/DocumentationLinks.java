package ecsvpce.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the links of a repository's Markdown pages that lead nowhere: a relative link to a file that
 * does not exist or lies outside the repository, and an {@code #anchor} that no heading of its
 * target has. Links with a scheme ({@code https:}, {@code mailto:}) are not followed.
 */
final class DocumentationLinks {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /** How code and the template point at the manual: docs/{page}.md, optionally with an anchor. */
    private static final Pattern CODE_REFERENCE = Pattern.compile("\\bdocs/[A-Za-z0-9_./-]*?\\.md(#[A-Za-z0-9_-]+)?");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", "__pycache__");

    private final Path root;
    private final Map<Path, MarkdownPage> pages = new HashMap<>();

    DocumentationLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every Markdown file of the repository, build output and hidden directories left out. */
    List<Path> markdownFiles() {
        return files(root).filter(file -> file.getFileName().toString().endsWith(".md")).toList();
    }

    /** What is wrong with the links of these pages, one line each ("README.md:12: ..."); empty when nothing. */
    List<String> problems(List<Path> markdownFiles) {
        List<String> problems = new ArrayList<>();
        for (Path file : markdownFiles) {
            for (MarkdownPage.Reference link : page(file).references()) {
                String problem = problem(file, link.destination());
                if (problem != null) {
                    problems.add(root.relativize(file) + ":" + link.line() + ": " + problem);
                }
            }
        }
        return problems;
    }

    /** What is wrong with the references to docs/{page}.md#{anchor} in these source files. */
    List<String> codeReferenceProblems(List<Path> sourceFiles) {
        List<String> problems = new ArrayList<>();
        for (Path file : sourceFiles) {
            String[] lines = read(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher reference = CODE_REFERENCE.matcher(lines[i]);
                while (reference.find()) {
                    String problem = problem(root.resolve("README.md"), reference.group());
                    if (problem != null) {
                        problems.add(root.relativize(file) + ":" + (i + 1) + ": " + problem);
                    }
                }
            }
        }
        return problems;
    }

    /** The text files under these paths of the repository (a file stands for itself). */
    List<Path> sourceFiles(String... paths) {
        return Stream.of(paths).map(root::resolve).filter(Files::exists).flatMap(DocumentationLinks::files)
                .filter(file -> !file.getFileName().toString().matches(".*\\.(jar|zip|class|png|pyc)")).toList();
    }

    private String problem(Path from, String destination) {
        if (destination.isEmpty()) {
            return "an empty link";
        }
        if (SCHEME.matcher(destination).find() || destination.startsWith("//")) {
            return null;
        }
        int hash = destination.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? destination : destination.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : URLDecoder.decode(destination.substring(hash + 1), StandardCharsets.UTF_8);
        Path target = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!target.startsWith(root)) {
            return destination + ": leads out of the repository";
        }
        if (!Files.exists(target)) {
            return destination + ": no such file " + root.relativize(target);
        }
        if (anchor == null) {
            return null;
        }
        if (!target.getFileName().toString().endsWith(".md")) {
            return destination + ": an anchor into a file that is not Markdown cannot be checked";
        }
        Set<String> anchors = page(target).anchors();
        return anchors.contains(anchor) ? null
                : destination + ": no heading of " + root.relativize(target) + " has the anchor #" + anchor
                        + " (its anchors: " + String.join(", ", anchors) + ")";
    }

    private MarkdownPage page(Path file) {
        return pages.computeIfAbsent(file, MarkdownPage::read);
    }

    private static Stream<Path> files(Path start) {
        if (Files.isRegularFile(start)) {
            return Stream.of(start);
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile).filter(file -> kept(start.relativize(file).getParent()))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Build output and hidden directories (.git, .aws-sam, ...) hold no page of ours. */
    private static boolean kept(Path directories) {
        if (directories != null) {
            for (Path directory : directories) {
                String name = directory.toString();
                if (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
