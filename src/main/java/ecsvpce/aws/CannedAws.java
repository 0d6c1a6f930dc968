package ecsvpce.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An AWS account that exists only in this process, for rehearsing the functions before a SnapStart
 * snapshot: an HTTP client that answers every EC2 and ECS read the product makes with a fixed
 * response, as AWS words it, about one made-up Fargate service that failed to start in an isolated
 * subnet (a Secrets Manager endpoint with private DNS off, no other endpoint). Nothing leaves the
 * process; an operation it does not know gets an empty answer of its protocol. Each answer is the
 * SDK's own warm-up client ({@link CannedResponseHttpClient}) with that body: no status line, no
 * {@code Date} header, so the SDK learns no clock skew from it.
 */
public final class CannedAws implements SdkHttpClient {
    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "us-east-1";
    public static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:111122223333:cluster/rehearsal";
    public static final String TASK_ARN = "arn:aws:ecs:us-east-1:111122223333:task/rehearsal/0123456789abcdef0123456789abcdef";
    public static final String TASK_DEFINITION_ARN = "arn:aws:ecs:us-east-1:111122223333:task-definition/web:1";
    public static final String SUBNET_ID = "subnet-0000000000000000a";
    public static final String STOPPED_REASON = "ResourceInitializationError: unable to pull secrets or registry auth: "
            + "execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried "
            + "1 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf";

    private static final String SERVICE = """
            {"serviceArn":"arn:aws:ecs:us-east-1:111122223333:service/rehearsal/web","serviceName":"web",
             "clusterArn":"%s","status":"ACTIVE","launchType":"FARGATE","platformVersion":"LATEST",
             "taskDefinition":"%s","desiredCount":1,"runningCount":0,
             "networkConfiguration":{"awsvpcConfiguration":{"subnets":["%s"],"securityGroups":["sg-0000000000000000a"],
               "assignPublicIp":"DISABLED"}},
             "deployments":[{"id":"ecs-svc/1234567890123456789","status":"PRIMARY","taskDefinition":"%s",
               "networkConfiguration":{"awsvpcConfiguration":{"subnets":["%s"],"securityGroups":["sg-0000000000000000a"]}}}],
             "tags":[{"key":"team","value":"web"}]}"""
            .formatted(CLUSTER_ARN, TASK_DEFINITION_ARN, SUBNET_ID, TASK_DEFINITION_ARN, SUBNET_ID);
    private static final Map<String, String> ECS = Map.of(
            "DescribeTasks", """
                    {"tasks":[{"taskArn":"%s","clusterArn":"%s","taskDefinitionArn":"%s","lastStatus":"STOPPED",
                     "desiredStatus":"STOPPED","stopCode":"TaskFailedToStart","stoppedReason":"%s","launchType":"FARGATE",
                     "platformVersion":"1.4.0","platformFamily":"Linux","availabilityZone":"us-east-1a","group":"service:web",
                     "startedBy":"ecs-svc/1234567890123456789","enableExecuteCommand":false,"stoppedAt":1767261642.0,
                     "attachments":[{"id":"6c1d7a4e-2b7f-4d0e-9c1a-0d2f3e4a5b6c","type":"ElasticNetworkInterface",
                       "status":"DELETED","details":[{"name":"subnetId","value":"%s"},
                       {"name":"networkInterfaceId","value":"eni-0000000000000000a"}]}],"tags":[]}],"failures":[]}"""
                    .formatted(TASK_ARN, CLUSTER_ARN, TASK_DEFINITION_ARN, STOPPED_REASON, SUBNET_ID),
            "DescribeTaskDefinition", """
                    {"taskDefinition":{"taskDefinitionArn":"%s","family":"web","revision":1,"networkMode":"awsvpc",
                     "requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512",
                     "runtimePlatform":{"operatingSystemFamily":"LINUX","cpuArchitecture":"ARM64"},
                     "containerDefinitions":[{"name":"web","image":"111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1",
                       "essential":true,"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web",
                       "awslogs-region":"us-east-1","awslogs-stream-prefix":"web"}},
                       "secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf"},
                       {"name":"API_KEY","valueFrom":"arn:aws:ssm:us-east-1:111122223333:parameter/web/api-key"}],
                       "environmentFiles":[]}]},"tags":[]}""".formatted(TASK_DEFINITION_ARN),
            "DescribeServices", "{\"services\":[" + SERVICE + "],\"failures\":[]}",
            "ListClusters", "{\"clusterArns\":[\"" + CLUSTER_ARN + "\"]}",
            "ListServices", "{\"serviceArns\":[\"arn:aws:ecs:us-east-1:111122223333:service/rehearsal/web\"]}");

    private static final String VPC = "vpc-0000000000000000a";
    private static final String NO_TAGS = "<tagSet/>";
    private static final Map<String, String> EC2 = Map.of(
            "DescribeSubnets", "<subnetSet><item><subnetId>" + SUBNET_ID + "</subnetId><state>available</state><vpcId>"
                    + VPC + "</vpcId><cidrBlock>10.0.1.0/24</cidrBlock><availabilityZone>us-east-1a</availabilityZone>"
                    + "<ownerId>" + ACCOUNT + "</ownerId>" + NO_TAGS + "</item></subnetSet>",
            "DescribeVpcs", "<vpcSet><item><vpcId>" + VPC + "</vpcId><ownerId>" + ACCOUNT + "</ownerId><state>available"
                    + "</state><cidrBlock>10.0.0.0/16</cidrBlock><cidrBlockAssociationSet><item><cidrBlock>10.0.0.0/16"
                    + "</cidrBlock><cidrBlockState><state>associated</state></cidrBlockState></item>"
                    + "</cidrBlockAssociationSet><dhcpOptionsId>dopt-0000000000000000a</dhcpOptionsId>"
                    + "<isDefault>false</isDefault><tagSet><item><key>Name</key><value>rehearsal</value></item></tagSet>"
                    + "</item></vpcSet>",
            "DescribeVpcAttribute", "<vpcId>" + VPC + "</vpcId><enableDnsSupport><value>true</value></enableDnsSupport>"
                    + "<enableDnsHostnames><value>true</value></enableDnsHostnames>",
            "DescribeDhcpOptions", "<dhcpOptionsSet><item><dhcpOptionsId>dopt-0000000000000000a</dhcpOptionsId>"
                    + "<dhcpConfigurationSet><item><key>domain-name-servers</key><valueSet><item><value>AmazonProvidedDNS"
                    + "</value></item></valueSet></item></dhcpConfigurationSet></item></dhcpOptionsSet>",
            "DescribeRouteTables", "<routeTableSet><item><routeTableId>rtb-0000000000000000a</routeTableId><vpcId>" + VPC
                    + "</vpcId><routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local"
                    + "</gatewayId><state>active</state></item></routeSet><associationSet><item><main>true</main>"
                    + "<routeTableId>rtb-0000000000000000a</routeTableId></item></associationSet>" + NO_TAGS
                    + "</item></routeTableSet>",
            "DescribeVpcEndpoints", "<vpcEndpointSet><item><vpcEndpointId>vpce-0000000000000000a</vpcEndpointId>"
                    + "<vpcEndpointType>Interface</vpcEndpointType><vpcId>" + VPC + "</vpcId><serviceName>"
                    + "com.amazonaws.us-east-1.secretsmanager</serviceName><state>available</state><privateDnsEnabled>false"
                    + "</privateDnsEnabled><subnetIdSet><item>" + SUBNET_ID + "</item></subnetIdSet><groupSet><item>"
                    + "<groupId>sg-0000000000000000b</groupId></item></groupSet><routeTableIdSet/>" + NO_TAGS
                    + "</item></vpcEndpointSet>",
            "DescribeSecurityGroups", "<securityGroupInfo><item><groupId>sg-0000000000000000a</groupId><groupName>web"
                    + "</groupName><vpcId>" + VPC + "</vpcId><ipPermissions/><ipPermissionsEgress><item><ipProtocol>-1"
                    + "</ipProtocol><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item>"
                    + "</ipPermissionsEgress>" + NO_TAGS + "</item><item><groupId>sg-0000000000000000b</groupId>"
                    + "<groupName>endpoints</groupName><vpcId>" + VPC + "</vpcId><ipPermissions><item><ipProtocol>tcp"
                    + "</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><ipRanges><item><cidrIp>10.0.0.0/16"
                    + "</cidrIp></item></ipRanges></item></ipPermissions><ipPermissionsEgress/>" + NO_TAGS
                    + "</item></securityGroupInfo>");

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return CannedResponseHttpClient.builder().responseBody(answer(request).getBytes(StandardCharsets.UTF_8)).build()
                .prepareRequest(request);
    }

    private static String answer(HttpExecuteRequest request) {
        var target = request.httpRequest().firstMatchingHeader("X-Amz-Target");
        if (target.isPresent()) {
            String operation = target.get().substring(target.get().lastIndexOf('.') + 1);
            return ECS.getOrDefault(operation, "{}");
        }
        String action = action(request);
        return "<" + action + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>"
                + "00000000-0000-0000-0000-000000000000</requestId>" + EC2.getOrDefault(action, "") + "</" + action + "Response>";
    }

    /** The operation of a query-protocol request (EC2's): its form body's {@code Action}. */
    private static String action(HttpExecuteRequest request) {
        String body = request.contentStreamProvider().map(provider -> {
            try (InputStream in = provider.newStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
        for (String pair : body.split("&")) {
            if (pair.startsWith("Action=")) {
                return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
            }
        }
        return "Unknown";
    }

    @Override
    public String clientName() {
        return "CannedAws";
    }

    @Override
    public void close() {
    }
}
