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
 * snapshot: an HTTP client that answers every EC2, ECS and Route 53 read the product makes with a fixed
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
    /** A task of no service (run on its own): its security groups are read from its network interface. */
    public static final String STANDALONE_TASK_ARN =
            "arn:aws:ecs:us-east-1:111122223333:task/rehearsal/fedcba9876543210fedcba9876543210";
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
               "desiredCount":1,"pendingCount":0,"runningCount":0,"failedTasks":3,"createdAt":1767261000.0,
               "updatedAt":1767261600.0,"launchType":"FARGATE","platformVersion":"1.4.0","rolloutState":"IN_PROGRESS",
               "networkConfiguration":{"awsvpcConfiguration":{"subnets":["%s"],"securityGroups":["sg-0000000000000000a"]}}}],
             "events":[{"id":"1c2d3e4f","createdAt":1767261600.0,"message":"(service web) has started 1 tasks."}],
             "loadBalancers":[],"serviceRegistries":[],"placementConstraints":[],"placementStrategy":[],
             "deploymentConfiguration":{"maximumPercent":200,"minimumHealthyPercent":100,
               "deploymentCircuitBreaker":{"enable":false,"rollback":false}},
             "createdAt":1767261000.0,"schedulingStrategy":"REPLICA","propagateTags":"NONE","enableExecuteCommand":false,
             "tags":[{"key":"team","value":"web"}]}"""
            .formatted(CLUSTER_ARN, TASK_DEFINITION_ARN, SUBNET_ID, TASK_DEFINITION_ARN, SUBNET_ID);
    private static final Map<String, String> ECS = Map.of(
            "DescribeTasks", """
                    {"tasks":[{"taskArn":"%s","clusterArn":"%s","taskDefinitionArn":"%s","lastStatus":"STOPPED",
                     "desiredStatus":"STOPPED","stopCode":"TaskFailedToStart","stoppedReason":"%s","launchType":"FARGATE",
                     "platformVersion":"1.4.0","platformFamily":"Linux","availabilityZone":"us-east-1a","group":"service:web",
                     "startedBy":"ecs-svc/1234567890123456789","enableExecuteCommand":false,"stoppedAt":1767261642.0,
                     "cpu":"256","memory":"512","connectivity":"CONNECTED","createdAt":1767261600.0,
                     "stoppingAt":1767261640.0,"version":4,"healthStatus":"UNKNOWN","ephemeralStorage":{"sizeInGiB":20},
                     "containers":[{"containerArn":
                       "arn:aws:ecs:us-east-1:111122223333:container/rehearsal/0123456789abcdef0123456789abcdef/0f6c3c1e",
                       "taskArn":"%s","name":"web","image":"111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1",
                       "lastStatus":"STOPPED","reason":"CannotPullContainerError","healthStatus":"UNKNOWN","cpu":"0",
                       "networkBindings":[{"containerPort":8080,"hostPort":8080,"protocol":"tcp"}],
                       "networkInterfaces":[{"attachmentId":"6c1d7a4e-2b7f-4d0e-9c1a-0d2f3e4a5b6c",
                         "privateIpv4Address":"10.0.1.23"}],
                       "managedAgents":[{"name":"ExecuteCommandAgent","lastStatus":"STOPPED"}]}],
                     "overrides":{"containerOverrides":[{"name":"web"}],"inferenceAcceleratorOverrides":[]},
                     "attachments":[{"id":"6c1d7a4e-2b7f-4d0e-9c1a-0d2f3e4a5b6c","type":"ElasticNetworkInterface",
                       "status":"DELETED","details":[{"name":"subnetId","value":"%s"},
                       {"name":"networkInterfaceId","value":"eni-0000000000000000a"},
                       {"name":"macAddress","value":"0a:1b:2c:3d:4e:5f"},
                       {"name":"privateIPv4Address","value":"10.0.1.23"}]}],"tags":[]}],"failures":[]}"""
                    .formatted(TASK_ARN, CLUSTER_ARN, TASK_DEFINITION_ARN, STOPPED_REASON, TASK_ARN, SUBNET_ID),
            "DescribeTaskDefinition", """
                    {"taskDefinition":{"taskDefinitionArn":"%s","family":"web","revision":1,"networkMode":"awsvpc",
                     "requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512",
                     "runtimePlatform":{"operatingSystemFamily":"LINUX","cpuArchitecture":"ARM64"},
                     "containerDefinitions":[{"name":"web","image":"111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1",
                       "essential":true,"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web",
                       "awslogs-region":"us-east-1","awslogs-stream-prefix":"web"}},
                       "secrets":[
                       {"name":"DB_PASSWORD","valueFrom":"arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf"},
                       {"name":"API_KEY","valueFrom":"arn:aws:ssm:us-east-1:111122223333:parameter/web/api-key"}],
                       "portMappings":[{"containerPort":8080,"hostPort":8080,"protocol":"tcp"}],
                       "environment":[{"name":"STAGE","value":"prod"}],"mountPoints":[],"volumesFrom":[],"cpu":0,
                       "environmentFiles":[]}],
                     "volumes":[],"placementConstraints":[],"compatibilities":["EC2","FARGATE"],"status":"ACTIVE",
                     "requiresAttributes":[{"name":"com.amazonaws.ecs.capability.logging-driver.awslogs"}],
                     "executionRoleArn":"arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
                     "registeredAt":1767200000.0,"registeredBy":"arn:aws:iam::111122223333:root"},"tags":[]}"""
                    .formatted(TASK_DEFINITION_ARN),
            "DescribeServices", "{\"services\":[" + SERVICE + "],\"failures\":[]}",
            "ListClusters", "{\"clusterArns\":[\"" + CLUSTER_ARN + "\"]}",
            "ListServices", "{\"serviceArns\":[\"arn:aws:ecs:us-east-1:111122223333:service/rehearsal/web\"]}");

    private static final String VPC = "vpc-0000000000000000a";
    private static final String NO_TAGS = "<tagSet/>";
    private static final Map<String, String> EC2 = Map.of(
            "DescribeSubnets", "<subnetSet><item><subnetId>" + SUBNET_ID + "</subnetId><state>available</state><vpcId>"
                    + VPC + "</vpcId><cidrBlock>10.0.1.0/24</cidrBlock><availabilityZone>us-east-1a</availabilityZone>"
                    + "<availabilityZoneId>use1-az1</availabilityZoneId><availableIpAddressCount>250"
                    + "</availableIpAddressCount><defaultForAz>false</defaultForAz><mapPublicIpOnLaunch>false"
                    + "</mapPublicIpOnLaunch><ipv6CidrBlockAssociationSet/><privateDnsNameOptionsOnLaunch><hostnameType>"
                    + "ip-name</hostnameType></privateDnsNameOptionsOnLaunch><ownerId>" + ACCOUNT + "</ownerId>" + NO_TAGS
                    + "</item></subnetSet>",
            "DescribeVpcs", "<vpcSet><item><vpcId>" + VPC + "</vpcId><ownerId>" + ACCOUNT + "</ownerId><state>available"
                    + "</state><cidrBlock>10.0.0.0/16</cidrBlock><cidrBlockAssociationSet><item><cidrBlock>10.0.0.0/16"
                    + "</cidrBlock><cidrBlockState><state>associated</state></cidrBlockState></item>"
                    + "</cidrBlockAssociationSet><dhcpOptionsId>dopt-0000000000000000a</dhcpOptionsId>"
                    + "<instanceTenancy>default</instanceTenancy><ipv6CidrBlockAssociationSet/>"
                    + "<isDefault>false</isDefault><tagSet><item><key>Name</key><value>rehearsal</value></item></tagSet>"
                    + "</item></vpcSet>",
            "DescribeVpcAttribute", "<vpcId>" + VPC + "</vpcId><enableDnsSupport><value>true</value></enableDnsSupport>"
                    + "<enableDnsHostnames><value>true</value></enableDnsHostnames>",
            "DescribeDhcpOptions", "<dhcpOptionsSet><item><dhcpOptionsId>dopt-0000000000000000a</dhcpOptionsId>"
                    + "<dhcpConfigurationSet><item><key>domain-name-servers</key><valueSet><item><value>AmazonProvidedDNS"
                    + "</value></item></valueSet></item></dhcpConfigurationSet></item></dhcpOptionsSet>",
            "DescribeRouteTables", "<routeTableSet><item><routeTableId>rtb-0000000000000000a</routeTableId><vpcId>" + VPC
                    + "</vpcId><ownerId>" + ACCOUNT + "</ownerId><routeSet><item><destinationCidrBlock>10.0.0.0/16"
                    + "</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable"
                    + "</origin></item></routeSet><associationSet><item><main>true</main><routeTableAssociationId>"
                    + "rtbassoc-0000000000000000a</routeTableAssociationId><routeTableId>rtb-0000000000000000a"
                    + "</routeTableId><associationState><state>associated</state></associationState></item>"
                    + "</associationSet><propagatingVgwSet/>" + NO_TAGS
                    + "</item></routeTableSet>",
            "DescribeVpcEndpoints", "<vpcEndpointSet><item><vpcEndpointId>vpce-0000000000000000a</vpcEndpointId>"
                    + "<vpcEndpointType>Interface</vpcEndpointType><vpcId>" + VPC + "</vpcId><serviceName>"
                    + "com.amazonaws.us-east-1.secretsmanager</serviceName><state>available</state><privateDnsEnabled>false"
                    + "</privateDnsEnabled><subnetIdSet><item>" + SUBNET_ID + "</item></subnetIdSet><groupSet><item>"
                    + "<groupId>sg-0000000000000000b</groupId><groupName>endpoints</groupName></item></groupSet>"
                    + "<routeTableIdSet/><networkInterfaceIdSet><item>eni-0000000000000000b</item></networkInterfaceIdSet>"
                    + "<dnsEntrySet><item><dnsName>vpce-0000000000000000a-abcdefgh.secretsmanager.us-east-1.vpce."
                    + "amazonaws.com</dnsName><hostedZoneId>Z7HUB22UULQXV</hostedZoneId></item></dnsEntrySet>"
                    + "<ipAddressType>ipv4</ipAddressType><dnsOptions><dnsRecordIpType>ipv4</dnsRecordIpType></dnsOptions>"
                    + "<policyDocument>{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\","
                    + "\"Resource\":\"*\"}]}</policyDocument><requesterManaged>false</requesterManaged>"
                    + "<creationTimestamp>2026-01-01T10:00:00.000Z</creationTimestamp><ownerId>" + ACCOUNT + "</ownerId>"
                    + NO_TAGS + "</item></vpcEndpointSet>",
            "DescribeNetworkInterfaces", "<networkInterfaceSet><item><networkInterfaceId>eni-0000000000000000a"
                    + "</networkInterfaceId><subnetId>" + SUBNET_ID + "</subnetId><vpcId>" + VPC + "</vpcId>"
                    + "<availabilityZone>us-east-1a</availabilityZone><ownerId>" + ACCOUNT + "</ownerId>"
                    + "<requesterManaged>true</requesterManaged><status>in-use</status><macAddress>0a:1b:2c:3d:4e:5f"
                    + "</macAddress><privateIpAddress>10.0.1.23</privateIpAddress><sourceDestCheck>true</sourceDestCheck>"
                    + "<interfaceType>interface</interfaceType><groupSet><item><groupId>sg-0000000000000000a</groupId>"
                    + "<groupName>web</groupName></item></groupSet><privateIpAddressesSet><item><privateIpAddress>"
                    + "10.0.1.23</privateIpAddress><primary>true</primary></item></privateIpAddressesSet>"
                    + "<ipv6AddressesSet/>" + NO_TAGS + "</item></networkInterfaceSet>",
            "DescribeNetworkAcls", "<networkAclSet><item><networkAclId>acl-0000000000000000a</networkAclId><vpcId>" + VPC
                    + "</vpcId><default>true</default><entrySet>" + aclEntry(100, false, "allow")
                    + aclEntry(32767, false, "deny") + aclEntry(100, true, "allow") + aclEntry(32767, true, "deny")
                    + "</entrySet><associationSet><item><networkAclAssociationId>aclassoc-0000000000000000a"
                    + "</networkAclAssociationId><networkAclId>acl-0000000000000000a</networkAclId><subnetId>" + SUBNET_ID
                    + "</subnetId></item></associationSet><ownerId>" + ACCOUNT + "</ownerId>" + NO_TAGS
                    + "</item></networkAclSet>",
            "DescribeSecurityGroups", "<securityGroupInfo><item><groupId>sg-0000000000000000a</groupId><groupName>web"
                    + "</groupName><ownerId>" + ACCOUNT + "</ownerId><vpcId>" + VPC + "</vpcId><ipPermissions/>"
                    + "<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0"
                    + "</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>"
                    + "</ipPermissionsEgress>" + NO_TAGS + "</item><item><groupId>sg-0000000000000000b</groupId>"
                    + "<groupName>endpoints</groupName><vpcId>" + VPC + "</vpcId><ipPermissions><item><ipProtocol>tcp"
                    + "</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups><item><groupId>sg-0000000000000000a"
                    + "</groupId><userId>" + ACCOUNT + "</userId></item></groups><ipRanges><item><cidrIp>10.0.0.0/16"
                    + "</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions>"
                    + "<ipPermissionsEgress/>" + NO_TAGS
                    + "</item></securityGroupInfo>");

    private static final String ROUTE53_XMLNS = " xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"";
    /** A hub's zone for Parameter Store associated with the made-up VPC: the central-endpoint path. */
    private static final String HOSTED_ZONES_BY_VPC = "<ListHostedZonesByVPCResponse" + ROUTE53_XMLNS
            + "><HostedZoneSummaries><HostedZoneSummary><HostedZoneId>Z0000000000000000000A</HostedZoneId>"
            + "<Name>ssm.us-east-1.amazonaws.com.</Name><Owner><OwningAccount>" + ACCOUNT + "</OwningAccount></Owner>"
            + "</HostedZoneSummary></HostedZoneSummaries><MaxItems>100</MaxItems></ListHostedZonesByVPCResponse>";
    private static final String RECORD_SETS = "<ListResourceRecordSetsResponse" + ROUTE53_XMLNS
            + "><ResourceRecordSets><ResourceRecordSet><Name>ssm.us-east-1.amazonaws.com.</Name><Type>A</Type>"
            + "<AliasTarget><HostedZoneId>Z7HUB22UULQXV</HostedZoneId><DNSName>vpce-0000000000000000c-abcdefgh.ssm."
            + "us-east-1.vpce.amazonaws.com.</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget>"
            + "</ResourceRecordSet></ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>300</MaxItems>"
            + "</ListResourceRecordSetsResponse>";

    private static String aclEntry(int number, boolean egress, String action) {
        return "<item><ruleNumber>" + number + "</ruleNumber><protocol>-1</protocol><ruleAction>" + action
                + "</ruleAction><egress>" + egress + "</egress><cidrBlock>0.0.0.0/0</cidrBlock></item>";
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return CannedResponseHttpClient.builder().responseBody(answer(request).getBytes(StandardCharsets.UTF_8)).build()
                .prepareRequest(request);
    }

    private static String answer(HttpExecuteRequest request) {
        String path = request.httpRequest().encodedPath();
        if (path.contains("/hostedzonesbyvpc")) {
            return HOSTED_ZONES_BY_VPC;
        }
        if (path.contains("/hostedzone/")) {
            return RECORD_SETS;
        }
        var target = request.httpRequest().firstMatchingHeader("X-Amz-Target");
        String body = body(request);
        if (target.isPresent()) {
            String operation = target.get().substring(target.get().lastIndexOf('.') + 1);
            String answer = ECS.getOrDefault(operation, "{}");
            return body.contains(STANDALONE_TASK_ARN) ? answer.replace(TASK_ARN, STANDALONE_TASK_ARN)
                    .replace("\"group\":\"service:web\"", "\"group\":\"family:web\"")
                    .replace("\"startedBy\":\"ecs-svc/1234567890123456789\",", "") : answer;
        }
        String action = action(body);
        return "<" + action + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>"
                + "00000000-0000-0000-0000-000000000000</requestId>" + EC2.getOrDefault(action, "") + "</" + action
                + "Response>";
    }

    private static String body(HttpExecuteRequest request) {
        return request.contentStreamProvider().map(provider -> {
            try (InputStream in = provider.newStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
    }

    /** The operation of a query-protocol request (EC2's): its form body's {@code Action}. */
    private static String action(String body) {
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
