package ecsvpce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README and the manual in docs/ hold together: every relative link leads to a file of the
 * repository, every {@code #anchor} to a heading of its target, as GitHub renders them; and every
 * reference the code and the template make to a page of docs/ still leads to its heading.
 */
class DocumentationLinksTest {
    private static final Path ROOT = SamTemplate.projectRoot();

    @Test
    void everyRelativeLinkOfTheReadmeAndTheManualLeadsToAFileAndAHeading() {
        DocumentationLinks links = new DocumentationLinks(ROOT);
        List<Path> pages = links.markdownFiles();

        assertThat(pages).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/README.md"),
                ROOT.resolve("docs/configuration.md"));
        assertThat(links.problems(pages)).as("links that lead nowhere").isEmpty();
    }

    @Test
    void everyPageOfTheManualIsInItsIndex() throws IOException {
        List<String> indexed = MarkdownPage.read(ROOT.resolve("docs/README.md")).references().stream()
                .map(MarkdownPage.Reference::destination).toList();
        try (var pages = Files.list(ROOT.resolve("docs"))) {
            assertThat(pages.map(page -> page.getFileName().toString()).filter(name -> name.endsWith(".md"))
                    .filter(name -> !name.equals("README.md")))
                    .isNotEmpty().allSatisfy(name -> assertThat(indexed).as("docs/README.md lists " + name).contains(name));
        }
    }

    @Test
    void everyReferenceOfTheCodeAndTheTemplateToTheManualLeadsToAHeading() {
        DocumentationLinks links = new DocumentationLinks(ROOT);

        assertThat(links.codeReferenceProblems(links.sourceFiles("src", "template.yaml", "scripts", ".ci", "pom.xml")))
                .as("references to the manual that lead nowhere").isEmpty();
    }

    @Test
    void aLinkToAMissingFileOrHeadingOrOutOfTheRepositoryIsFound(@TempDir Path repository) throws IOException {
        Files.createDirectories(repository.resolve("guide"));
        Files.writeString(repository.resolve("guide/setup.md"), """
                # Set up

                ## Deploy with SAM
                """);
        Files.writeString(repository.resolve("README.md"), """
                # Front door

                [fine](guide/setup.md#deploy-with-sam) and [this page](#front-door) and [a folder](guide)
                and [the web](https://example.com/missing.md#nowhere), `[code](nowhere.md)`

                [gone](guide/missing.md)
                [no such heading](guide/setup.md#deploy)
                [out](../elsewhere.md)
                """);
        DocumentationLinks links = new DocumentationLinks(repository);

        assertThat(links.problems(links.markdownFiles())).containsExactly(
                "README.md:6: guide/missing.md: no such file guide/missing.md",
                "README.md:7: guide/setup.md#deploy: no heading of guide/setup.md has the anchor #deploy "
                        + "(its anchors: set-up, deploy-with-sam)",
                "README.md:8: ../elsewhere.md: leads out of the repository");
    }

    @Test
    void aReferenceFromCodeToAMissingHeadingIsFound(@TempDir Path repository) throws IOException {
        String page = "docs/" + "rules.md";  // split, so that this file names no page of the real docs/
        Files.createDirectories(repository.resolve("docs"));
        Files.writeString(repository.resolve(page), "# Rules\n\n## Private DNS off\n");
        Files.writeString(repository.resolve("Check.java"), "// see " + page + "#private-dns-off\n// see " + page + "#private-dns\n");
        DocumentationLinks links = new DocumentationLinks(repository);

        assertThat(links.codeReferenceProblems(links.sourceFiles("Check.java")))
                .singleElement().asString().startsWith("Check.java:2: " + page + "#private-dns: no heading");
    }

    /** GitHub's anchors, as github-slugger makes them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Deploy with SAM                                                  | deploy-with-sam",
            "Roll out to an organisation (StackSets)                          | roll-out-to-an-organisation-stacksets",
            "An organisation's scale: cost, schedules and a bad day           | an-organisations-scale-cost-schedules-and-a-bad-day",
            "Never do harm: what is guaranteed, and the test that proves it   | never-do-harm-what-is-guaranteed-and-the-test-that-proves-it",
            "Metrics, alarms, dashboard and saved queries                     | metrics-alarms-dashboard-and-saved-queries",
            "The address in dial tcp is evidence                              | the-address-in-dial-tcp-is-evidence",
            "Cold start — SnapStart                                           | cold-start--snapstart",
            "snake_case and `code` (v1.4.0)                                   | snake_case-and-code-v140",
            "Überblick                                                        | überblick"})
    void headingsGetGithubsAnchors(String heading, String anchor) {
        assertThat(MarkdownPage.slug(heading)).isEqualTo(anchor);
    }

    @Test
    void aRepeatedHeadingGetsANumberedAnchor(@TempDir Path repository) throws IOException {
        Path page = repository.resolve("page.md");
        Files.writeString(page, "# Notes\n\n## Example\n\n## Example\n\n### Example\n\n## Example-1\n\n```\n# not a heading\n```\n");

        assertThat(MarkdownPage.read(page).anchors()).containsExactly("notes", "example", "example-1", "example-2", "example-1-1");
    }
}
