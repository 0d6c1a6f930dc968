package ecsvpce.core.needs;

import static ecsvpce.core.fixtures.Tasks.ECR_IMAGE;
import static ecsvpce.core.fixtures.Tasks.PARAMETER_ARN;
import static ecsvpce.core.fixtures.Tasks.SECRET_ARN;
import static ecsvpce.core.fixtures.Tasks.container;
import static ecsvpce.core.fixtures.Tasks.definition;
import static ecsvpce.core.fixtures.Tasks.launch;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.EndpointService;
import ecsvpce.core.EndpointType;
import ecsvpce.core.fixtures.CheckedCore;
import ecsvpce.core.fixtures.Tasks;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed article's table (zenn, "ECS FargateでVPCエンドポイントを使用する"), row for row: which
 * endpoints each use case needs on platform version 1.3.0 and on 1.4.0. Each row's task has a
 * private ECR image plus the row's feature; the endpoints a use case needs are those whose reasons
 * name the use case's task definition field.
 */
class SeedTableTest {

    @ParameterizedTest(name = "{0}: PV 1.3.0 [{1}], PV 1.4.0 [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            ECRからDockerイメージPULL          | s3(Gateway) ecr.dkr          | s3(Gateway) ecr.dkr ecr.api
            Cloudwatch Logsへログ出力          | logs                         | logs
            タスク定義からParameterStore参照   | ssm                          | ssm
            タスク定義からSecretsManager参照   | secretsmanager               | secretsmanager
            """)
    void seedTableRow(String useCase, String pv130, String pv140) {
        assertThat(endpointsFor(useCase, "1.3.0")).as("%s on PV 1.3.0", useCase).isEqualTo(parse(pv130));
        assertThat(endpointsFor(useCase, "1.4.0")).as("%s on PV 1.4.0", useCase).isEqualTo(parse(pv140));
    }

    private static Set<EndpointService> endpointsFor(String useCase, String platformVersion) {
        Tasks.Container app = container("app").image(ECR_IMAGE);
        String field = switch (useCase) {
            case "ECRからDockerイメージPULL" -> "image";
            case "Cloudwatch Logsへログ出力" -> {
                app.awslogs();
                yield "logConfiguration.logDriver";
            }
            case "タスク定義からParameterStore参照" -> {
                app.secret("API_KEY", PARAMETER_ARN);
                yield "secrets[API_KEY].valueFrom";
            }
            case "タスク定義からSecretsManager参照" -> {
                app.secret("DB_PASSWORD", SECRET_ARN);
                yield "secrets[DB_PASSWORD].valueFrom";
            }
            default -> throw new IllegalArgumentException(useCase);
        };
        TaskNeeds needs = CheckedCore.needs(definition(app), launch(platformVersion));
        assertThat(needs.unservable()).isEmpty();
        return needs.endpoints().stream()
                .filter(need -> need.reasons().stream().anyMatch(r -> r.field().equals(field) && r.container().equals("app")))
                .map(Need::service)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EndpointService.class)));
    }

    /** "s3(Gateway) ecr.dkr" as the article writes it; "(Gateway)" must match the service's required type. */
    private static Set<EndpointService> parse(String cell) {
        return Arrays.stream(cell.trim().split("\\s+")).map(word -> {
            boolean gateway = word.endsWith("(Gateway)");
            EndpointService service = EndpointService.fromId(word.replace("(Gateway)", "")).orElseThrow();
            assertThat(service.requiredType()).isEqualTo(gateway ? EndpointType.GATEWAY : EndpointType.INTERFACE);
            return service;
        }).collect(Collectors.toCollection(() -> EnumSet.noneOf(EndpointService.class)));
    }
}
