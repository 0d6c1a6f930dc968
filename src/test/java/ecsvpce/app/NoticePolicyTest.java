package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import ecsvpce.report.TaskReport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which reports people are told about, and which two reports tell the same story. */
class NoticePolicyTest {

    @ParameterizedTest
    @CsvSource({"REMEDIATED, true", "PLANNED, true", "NEEDS_A_PERSON, true", "NOT_NETWORK, true",
            "FAILED_WHILE_APPLYING, true", "FAILED_BEFORE_READING, true",
            "NOTHING_TO_DO, false", "OPTED_OUT, false", "NOT_OURS, false"})
    void taskReports(TaskSample sample, boolean told) {
        assertThat(NoticePolicy.task(sample.report()).isPresent()).isEqualTo(told);
    }

    @ParameterizedTest
    @CsvSource({"FIXED, true", "PLANNED, true", "NEEDS_A_PERSON, true", "FAILED, true", "COMPLIANT, false",
            "REJECTED, false"})
    void sweepReports(SweepSample sample, boolean told) {
        assertThat(NoticePolicy.sweep(sample.report()).isPresent()).isEqualTo(told);
    }

    @ParameterizedTest
    @CsvSource({"HEALED, true", "UNDONE, true", "NOT_RECOVERED, true", "GONE, true", "FAILED, true",
            "PENDING, false", "REJECTED, false"})
    void verdicts(CheckSample sample, boolean told) {
        assertThat(NoticePolicy.verification(sample.report()).isPresent()).isEqualTo(told);
    }

    @Test
    void anotherTaskOfTheSameStormTellsTheSameStory() {
        TaskReport first = TaskSample.NEEDS_A_PERSON.report();
        TaskReport second = TaskSample.NEEDS_A_PERSON.report();

        assertThat(((TaskReport.Examined) first).task()).isEqualTo(((TaskReport.Examined) second).task());
        assertThat(NoticePolicy.task(first)).isEqualTo(NoticePolicy.task(second));
    }

    @Test
    void differentStoriesHaveDifferentKeys() {
        List<Optional<String>> keys = List.of(NoticePolicy.task(TaskSample.REMEDIATED.report()),
                NoticePolicy.task(TaskSample.PLANNED.report()), NoticePolicy.task(TaskSample.NEEDS_A_PERSON.report()),
                NoticePolicy.task(TaskSample.NOT_NETWORK.report()), NoticePolicy.task(TaskSample.FAILED_WHILE_APPLYING.report()),
                NoticePolicy.task(TaskSample.FAILED_BEFORE_READING.report()));

        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void theSameCheckDeliveredTwiceIsOneStoryAndTheNextCheckAnother() {
        assertThat(NoticePolicy.verification(CheckSample.UNDONE.report()))
                .isEqualTo(NoticePolicy.verification(CheckSample.UNDONE.report()))
                .isNotEqualTo(NoticePolicy.verification(CheckSample.NOT_RECOVERED.report()));
    }
}
