package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict tables: every row is a situation users see in a report. */
class OutcomesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # situation                                          | network | plan  | blocking | unchecked | opted | applied | failed | mode      | outcome
            a fix applied                                        | true    | true  | true     | false     | false | true    | false  | REMEDIATE | REMEDIATED
            a fix planned in a dry run                           | true    | true  | true     | false     | false | false   | false  | DRY_RUN   | PLANNED
            AWS refused a change: failure wins over all          | true    | true  | true     | false     | false | true    | true   | REMEDIATE | FAILED
            a permission failure is never fixed by the network   | false   | false | true     | false     | false | false   | false  | REMEDIATE | NOT_FIXABLE_BY_ENDPOINTS
            a runtime failure in a healthy VPC                   | false   | false | false    | false     | false | false   | false  | REMEDIATE | NOT_FIXABLE_BY_ENDPOINTS
            the network serves every need                        | true    | false | false    | false     | false | false   | false  | REMEDIATE | NOTHING_TO_DO
            the network serves every need, dry run               | true    | false | false    | false     | false | false   | false  | DRY_RUN   | NOTHING_TO_DO
            fixed in an earlier round, then a racer's adopted    | true    | false | false    | false     | false | true    | false  | REMEDIATE | REMEDIATED
            blocking findings, VPC tagged to be left alone      | true    | false | true     | false     | true  | false   | false  | REMEDIATE | SKIPPED
            blocking findings no change fixes                    | true    | false | true     | false     | false | false   | false  | REMEDIATE | NOT_FIXABLE_BY_ENDPOINTS
            blocking findings no change fixes, earlier rounds    | true    | false | true     | false     | false | true    | false  | REMEDIATE | NOT_FIXABLE_BY_ENDPOINTS
            a check that could not decide is for a person        | true    | false | false    | true      | false | false   | false  | REMEDIATE | NOT_FIXABLE_BY_ENDPOINTS
            ... unless this run had fixed what it found          | true    | false | false    | true      | false | true    | false  | REMEDIATE | REMEDIATED
            a partial fix still counts as applied                | true    | true  | true     | false     | true  | true    | false  | REMEDIATE | REMEDIATED
            """)
    void theOutcomeOfAStoppedTask(String situation, boolean network, boolean plan, boolean blocking,
                                  boolean unchecked, boolean optedOut, boolean applied, boolean failed, Mode mode,
                                  Outcome expected) {
        assertThat(Outcomes.of(new Outcomes.TaskFacts(network, plan, blocking, unchecked, optedOut, applied, failed, mode)))
                .as(situation).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # situation                                          | blocking | opted | unfixed | failed | mode      | status
            nothing blocks                                       | false    | false | false   | false  | REMEDIATE | COMPLIANT
            nothing blocks, even where a change failed           | false    | false | false   | true   | REMEDIATE | COMPLIANT
            subnet tagged to be left alone                       | true     | true  | true    | false  | REMEDIATE | SKIPPED
            a blocking finding no change fixes                   | true     | false | true    | false  | REMEDIATE | NOT_FIXABLE_BY_ENDPOINTS
            unfixable beats a failed change                      | true     | false | true    | true   | REMEDIATE | NOT_FIXABLE_BY_ENDPOINTS
            AWS refused a change of the VPC's plan               | true     | false | false   | true   | REMEDIATE | FAILED
            fixed                                                | true     | false | false   | false  | REMEDIATE | FIXED
            planned in a dry run                                 | true     | false | false   | false  | DRY_RUN   | PLANNED
            """)
    void theStatusOfAServiceInASweep(String situation, boolean blocking, boolean optedOut, boolean unfixed,
                                     boolean failed, Mode mode, ServiceStatus expected) {
        assertThat(Outcomes.of(new Outcomes.ServiceFacts(blocking, optedOut, unfixed, failed, mode)))
                .as(situation).isEqualTo(expected);
    }
}
