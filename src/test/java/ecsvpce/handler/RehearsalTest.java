package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offline rehearsal runs each function's whole path: these reports could only come from all of it. */
class RehearsalTest {

    @Test
    void theTaskFunctionReadsTheMadeUpAccountAndPlansItsFix() {
        List<Map<String, Object>> reports = Rehearsal.remediate();
        Map<String, Object> report = reports.get(0);
        assertThat(reports.get(1)).as("a task of no service, whose groups come from its network interface")
                .containsEntry("outcome", "PLANNED").containsEntry("findings", report.get("findings"));
        assertThat(map(reports.get(1), "task")).containsEntry("securityGroups", List.of("sg-0000000000000000a"));

        assertThat(report).containsEntry("outcome", "PLANNED").containsEntry("mode", "DRY_RUN");
        assertThat(codes(report, "findings")).as("every read understood: DNS attributes on, 443 open to the VPC, "
                        + "the ACL allows all, a hub's zone serves Parameter Store")
                .containsExactlyInAnyOrder("PRIVATE_DNS_DISABLED", "SERVED_BY_CENTRAL_ENDPOINT", "ENDPOINT_MISSING",
                        "ENDPOINT_MISSING", "ENDPOINT_MISSING", "ENDPOINT_MISSING");
        assertThat(list(report, "actions")).hasSize(6)
                .allSatisfy(action -> assertThat(action).containsEntry("status", "PLANNED"));
        assertThat(list(report, "actions")).extracting(action -> (String) action.get("description")).anySatisfy(
                description -> assertThat(description).contains("admitting TCP 443 from [10.0.0.0/16]")).anySatisfy(
                description -> assertThat(description).contains("on route tables [rtb-0000000000000000a]"));
        assertThat(list(report, "needs")).extracting(need -> need.get("service"))
                .contains("secretsmanager", "ssm", "logs", "ecr.dkr", "ecr.api", "s3");
        assertThat(map(report, "task")).containsEntry("securityGroups", List.of("sg-0000000000000000a"));
    }

    @Test
    void theSweepListsTheMadeUpFleetAndPlansItsFix() {
        Map<String, Object> report = Rehearsal.sweep();

        assertThat(report).containsEntry("mode", "DRY_RUN");
        assertThat(map(report, "totals")).containsEntry("clusters", 1).containsEntry("servicesChecked", 1);
        assertThat(list(report, "vpcs")).singleElement().satisfies(vpc ->
                assertThat((List<?>) vpc.get("actions")).isNotEmpty());
    }

    @Test
    void theCheckReadsTheMadeUpLaunchAndAnswersTheHookInItsFormat() {
        List<Map<String, Object>> answers = Rehearsal.check();
        Map<String, Object> report = answers.get(0);

        assertThat(report).containsEntry("verdict", "WILL_FAIL").containsEntry("vpcId", "vpc-0000000000000000a");
        assertThat(codes(list(report, "subnets").get(0), "findings")).as("the same reads as the task function's")
                .contains("PRIVATE_DNS_DISABLED", "SERVED_BY_CENTRAL_ENDPOINT", "ENDPOINT_MISSING");
        assertThat(list(report, "remediation")).isNotEmpty();
        assertThat(answers.get(1)).containsEntry("hookStatus", "FAILED").containsEntry("errorCode", "NonCompliant")
                .containsEntry("clientRequestToken", "00000000-0000-4000-8000-000000000000");
        assertThat((String) answers.get(1).get("message")).startsWith(report.get("summary") + ". Change: ")
                .contains("PRIVATE_DNS_DISABLED secretsmanager (vpce-0000000000000000a): aws ec2 modify-vpc-endpoint "
                        + "--vpc-endpoint-id vpce-0000000000000000a --private-dns-enabled");
        assertThat(list(answers.get(1), "annotations")).extracting(a -> a.get("annotationName"))
                .contains("PRIVATE_DNS_DISABLED-secretsmanager", "ENDPOINT_MISSING-logs");
    }

    private static List<String> codes(Map<String, Object> report, String key) {
        return list(report, key).stream().map(item -> (String) item.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> report, String key) {
        return (Map<String, Object>) report.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
        return (List<Map<String, Object>>) report.get(key);
    }
}
