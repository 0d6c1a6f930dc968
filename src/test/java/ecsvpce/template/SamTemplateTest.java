package ecsvpce.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loader others rely on: short-form tags survive as intrinsic-function maps. */
class SamTemplateTest {
    private static final String YAML = """
            Parameters:
              Mode:
                Type: String
                Default: REMEDIATE
              Rate:
                Type: String
                Default: "0.01"
            Conditions:
              On: !Equals [!Ref Mode, REMEDIATE]
              Off: !Not [!Condition On]
            Globals:
              Function:
                Environment:
                  Variables:
                    MODE: !Ref Mode
                    SHARED: global
            Resources:
              Shared:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: ec2:DescribeVpcs
                        Resource: "*"
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      SHARED: own
                      RATE: !Ref Rate
                      COUNT: 3
                      QUEUE: !Ref Shared
                      TOPIC: !If [On, !Ref Shared, !Ref Mode]
                  Policies:
                    - !Ref Shared
                    - Statement:
                        - Sid: Own
                          Effect: Allow
                          Action: [ecs:ListClusters]
                          Resource: !Sub "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/*"
                          Condition:
                            StringEquals:
                              aws:RequestedRegion: !Ref AWS::Region
                  Events:
                    Rule:
                      Type: EventBridgeRule
                      Properties:
                        Pattern:
                          source: [aws.ecs]
                          detail:
                            stoppedReason: [{prefix: Resource}]
                  Arn: !GetAtt Other.Arn
                  Joined: !Join ["", [a, !Select [0, !Split [",", "x,y"]]]]
                  Chosen: !If [On, yes, !Ref AWS::NoValue]
            """;

    private final SamTemplate template = SamTemplate.parse(YAML);

    @Test
    void shortFormTagsBecomeIntrinsicFunctionMaps() {
        Map<String, Object> fn = template.properties("Fn");
        assertThat(fn.get("Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of("Other", "Arn")));
        assertThat(fn.get("Joined")).isEqualTo(Map.of("Fn::Join", List.of("", List.of("a",
                Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of(",", "x,y"))))))));
        assertThat(fn.get("Chosen")).isEqualTo(Map.of("Fn::If", List.of("On", "yes", Map.of("Ref", "AWS::NoValue"))));
        assertThat(template.raw().get("Conditions")).isEqualTo(Map.of(
                "On", Map.of("Fn::Equals", List.of(Map.of("Ref", "Mode"), "REMEDIATE")),
                "Off", Map.of("Fn::Not", List.of(Map.of("Condition", "On")))));
    }

    /** local-invoke has no stack: a queue's URL or a chosen topic exists only once deployed. */
    @Test
    void whatOnlyADeployedStackCanResolveIsLeftOut() {
        assertThat(template.functionEnvironment("Fn")).doesNotContainKeys("QUEUE", "TOPIC");
    }

    @Test
    void environmentMergesGlobalsAndResolvesParameterDefaults() {
        assertThat(template.functionEnvironment("Fn"))
                .containsExactly(Map.entry("MODE", "REMEDIATE"), Map.entry("SHARED", "own"),
                        Map.entry("RATE", "0.01"), Map.entry("COUNT", "3"));
        assertThat(template.functionEnvironment("Fn", Map.of("Mode", "DRY_RUN"))).containsEntry("MODE", "DRY_RUN");
    }

    @Test
    void policiesCollectInlineAndTemplateManagedStatements() {
        assertThat(template.policyActions("Fn")).containsExactly("ec2:DescribeVpcs", "ecs:ListClusters");
        SamTemplate.Statement own = template.policyStatements("Fn").get(1);
        assertThat(own.sid()).isEqualTo("Own");
        assertThat(own.resources()).containsExactly(
                Map.of("Fn::Sub", "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/*"));
        assertThat(own.condition("StringEquals", "aws:RequestedRegion")).isEqualTo(Map.of("Ref", "AWS::Region"));
        assertThat(template.managedPolicyReferences("Fn")).containsExactly(Map.of("Ref", "Shared"));
    }

    @Test
    void eventPatternIsJson() {
        assertThat(template.eventPattern("Fn", "Rule"))
                .isEqualTo("{\"source\":[\"aws.ecs\"],\"detail\":{\"stoppedReason\":[{\"prefix\":\"Resource\"}]}}");
    }

    @Test
    void unknownNamesFailLoudly() {
        assertThatThrownBy(() -> template.resource("Nope")).hasMessageContaining("Nope");
        assertThatThrownBy(() -> template.event("Fn", "Nope")).hasMessageContaining("Nope");
    }
}
