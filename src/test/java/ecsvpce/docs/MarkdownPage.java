package ecsvpce.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A Markdown file read as GitHub renders it (CommonMark with GitHub's tables): the anchors of its
 * headings, its links and images, and its tables. Links and headings inside code are not links.
 */
final class MarkdownPage {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    /** Where a link points, and the line (from 1) it is written on. */
    record Reference(String destination, int line) {
    }

    /** A table: its header's cells, then each row's; a cell keeps its text and its code spans. */
    record Table(List<Cell> header, List<List<Cell>> rows) {
        /** The column whose header reads {@code name}, or -1. */
        int column(String name) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).text().equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    record Cell(String text, List<String> code) {
    }

    private final Path file;
    private final Node document;

    private MarkdownPage(Path file, Node document) {
        this.file = file;
        this.document = document;
    }

    static MarkdownPage read(Path file) {
        try {
            return new MarkdownPage(file, PARSER.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    /** The anchor GitHub gives each heading, in order; a repeated one gets -1, -2, ... */
    Set<String> anchors() {
        Map<String, Integer> occurrences = new HashMap<>();
        Set<String> anchors = new LinkedHashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String base = slug(text(heading));
                String anchor = base;
                while (occurrences.containsKey(anchor)) {
                    occurrences.merge(base, 1, Integer::sum);
                    anchor = base + "-" + occurrences.get(base);
                }
                occurrences.put(anchor, 0);
                anchors.add(anchor);
            }
        });
        return anchors;
    }

    /** Every link and image destination, in order. */
    List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                references.add(new Reference(link.getDestination(), line(link)));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                references.add(new Reference(image.getDestination(), line(image)));
            }
        });
        return references;
    }

    List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock table) {
                    tables.add(table(table));
                } else {
                    visitChildren(block);
                }
            }
        });
        return tables;
    }

    /**
     * GitHub's anchor for a heading's text: lower case, punctuation and symbols dropped (hyphens and
     * underscores kept), each space a hyphen.
     */
    static String slug(String heading) {
        StringBuilder slug = new StringBuilder();
        heading.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    private static Table table(TableBlock block) {
        List<List<Cell>> rows = new ArrayList<>();
        block.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock node) {
                visitChildren(node);
            }

            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof TableRow) {
                    List<Cell> cells = new ArrayList<>();
                    for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            cells.add(new Cell(text(cell).strip(), code(cell)));
                        }
                    }
                    rows.add(cells);
                } else {
                    visitChildren(node);
                }
            }
        });
        return new Table(rows.isEmpty() ? List.of() : rows.get(0), rows.size() < 2 ? List.of() : rows.subList(1, rows.size()));
    }

    /** The text a reader sees: literal text and code spans, line breaks as spaces. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append(' ');
            }
        });
        return text.toString();
    }

    private static List<String> code(Node node) {
        List<String> code = new ArrayList<>();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Code span) {
                code.add(span.getLiteral());
            }
        });
        return code;
    }

    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }
}
