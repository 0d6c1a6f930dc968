package ecsvpce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.CostSettings;
import ecsvpce.app.DispatchSettings;
import ecsvpce.app.LedgerSettings;
import ecsvpce.app.RecoverySettings;
import ecsvpce.app.Settings;
import ecsvpce.template.SamTemplate;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is the reference of every setting: each parameter of template.yaml has its
 * row there with the template's default, each environment variable the template sets or the code
 * reads has its row, and the README's short table names only real parameters, with their defaults.
 */
class ConfigurationReferenceTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final MarkdownPage REFERENCE = MarkdownPage.read(SamTemplate.projectRoot().resolve("docs/configuration.md"));

    @Test
    void everyTemplateParameterHasItsRowWithItsDefault() {
        Map<String, MarkdownPage.Cell> defaults = rows(REFERENCE, "parameter", "default");

        assertThat(defaults.keySet()).as("parameters in docs/configuration.md")
                .containsExactlyInAnyOrderElementsOf(parameters().keySet());
        parameters().forEach((name, byDefault) -> assertThat(documents(defaults.get(name), byDefault))
                .as("the default of %s in docs/configuration.md is %s, not '%s'", name, byDefault.isEmpty() ? "empty" : byDefault,
                        defaults.get(name).text())
                .isTrue());
    }

    @Test
    void everyEnvironmentVariableTheTemplateSetsOrTheSettingsReadHasItsRow() {
        Set<String> variables = new TreeSet<>(templateVariables());
        variables.addAll(settingsVariables(Settings.class));
        variables.addAll(settingsVariables(DispatchSettings.class));
        variables.addAll(settingsVariables(LedgerSettings.class));
        variables.addAll(settingsVariables(CostSettings.class));
        variables.addAll(settingsVariables(RecoverySettings.class));

        assertThat(variables).contains("REMEDIATION_MODE", "NOTIFICATION_TOPIC_ARN", "VERIFY_QUEUE_URL");
        assertThat(rows(REFERENCE, "variable", "when unset").keySet()).as("variables in docs/configuration.md")
                .containsAll(variables);
    }

    @Test
    void theReadmeTableNamesRealParametersWithTheirDefaults() {
        MarkdownPage readme = MarkdownPage.read(SamTemplate.projectRoot().resolve("README.md"));
        List<MarkdownPage.Table> tables = readme.tables().stream().filter(t -> t.column("parameter") == 0).toList();

        assertThat(tables).as("the README's parameter table").singleElement().satisfies(table -> {
            int defaults = table.column("default");
            assertThat(table.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.get(0).code()).isNotEmpty()
                    .allSatisfy(name -> {
                        assertThat(parameters()).as("README names parameter " + name).containsKey(name);
                        assertThat(documents(row.get(defaults), parameters().get(name)))
                                .as("README's default of %s: '%s'", name, row.get(defaults).text()).isTrue();
                    }));
        });
    }

    /** A default cell names the template's default in code, or says "empty" for an empty one. */
    private static boolean documents(MarkdownPage.Cell cell, String byDefault) {
        return byDefault.isEmpty() ? cell.text().startsWith("empty") : cell.code().contains(byDefault);
    }

    /** The rows of the table whose first column is headed {@code key}: the name in code, then the cell of column {@code value}. */
    private static Map<String, MarkdownPage.Cell> rows(MarkdownPage page, String key, String value) {
        List<MarkdownPage.Table> tables = page.tables().stream().filter(t -> t.column(key) == 0).toList();
        assertThat(tables).as("tables headed '%s' in %s", key, page.file()).isNotEmpty();
        Map<String, MarkdownPage.Cell> rows = new LinkedHashMap<>();
        for (MarkdownPage.Table table : tables) {
            int column = table.column(value);
            assertThat(column).as("a '%s' column beside '%s'", value, key).isPositive();
            for (List<MarkdownPage.Cell> row : table.rows()) {
                assertThat(row.get(0).code()).as("the names in a row of '%s': %s", key, row.get(0).text()).isNotEmpty();
                row.get(0).code().forEach(name -> rows.put(name, row.get(column)));
            }
        }
        return rows;
    }

    /** Each parameter of template.yaml with its default as text ("" for none or empty). */
    private static Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        ((Map<?, ?>) TEMPLATE.raw().get("Parameters")).forEach((name, definition) -> {
            Object byDefault = ((Map<?, ?>) definition).get("Default");
            parameters.put(String.valueOf(name), byDefault == null ? "" : String.valueOf(byDefault));
        });
        return parameters;
    }

    /** The names of Globals.Function.Environment.Variables and of every function's own. */
    private static Set<String> templateVariables() {
        List<Map<String, Object>> functions = new ArrayList<>(List.of(TEMPLATE.functionGlobals()));
        TEMPLATE.functionIds().forEach(id -> functions.add(TEMPLATE.properties(id)));
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> function : functions) {
            if (function.get("Environment") instanceof Map<?, ?> environment
                    && environment.get("Variables") instanceof Map<?, ?> variables) {
                variables.keySet().forEach(name -> names.add(String.valueOf(name)));
            }
        }
        return names;
    }

    /** The environment variables a settings class reads: its public String constants. */
    private static List<String> settingsVariables(Class<?> settings) {
        return Stream.of(settings.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()) && f.getType() == String.class)
                .map(ConfigurationReferenceTest::value).toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
