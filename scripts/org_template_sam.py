"""What scripts/org_template.py knows of SAM: the properties it copies or expands, and helpers
over a SAM template's functions shared by the translation and its check."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUNCTION = "AWS::Serverless::Function"

# Lambda reads code only from a bucket in the function's own Region, and accounts that join the
# organisation later get the stack set's values, not per-Region overrides: one bucket per Region,
# named CodeBucketPrefix-REGION.
CODE_PARAMETERS = {
    "CodeBucketPrefix": {"Type": "String", "AllowedPattern": "^[a-z0-9][a-z0-9.-]*$", "MaxLength": 48,
                         "Description": "The code is read from the bucket CodeBucketPrefix-REGION in each Region."},
    "CodeKey": {"Type": "String", "MinLength": 1,
                "Description": "S3 key of the functions' zip; a new key for every build (e.g. its checksum)."},
}
CODE = {"S3Bucket": {"Fn::Sub": "${CodeBucketPrefix}-${AWS::Region}"}, "S3Key": {"Ref": "CodeKey"}}

# Function properties SAM copies unchanged onto the AWS::Lambda::Function.
LAMBDA_PROPERTIES = {
    "Architectures", "Description", "Environment", "EphemeralStorage", "FileSystemConfigs", "Handler",
    "KmsKeyArn", "Layers", "LoggingConfig", "MemorySize", "ReservedConcurrentExecutions", "Runtime",
    "RuntimeManagementConfig", "SnapStart", "Timeout", "VpcConfig"}
# Function properties SAM turns into other resources; function_expansion() checks each.
EXPANDED_PROPERTIES = {"CodeUri", "AutoPublishAlias", "Policies", "EventInvokeConfig", "Events"}
# Ways to make SAM publish versions, replaced here by versions that follow every parameter (prepare()).
VERSION_TRIGGERS = {"VersionDescription", "AutoPublishAliasAllProperties", "AutoPublishCodeSha256"}
# Per event type: the resource SAM makes of it, and the property each event property becomes.
EVENT_SOURCES = {
    "EventBridgeRule": ("AWS::Events::Rule", {"Pattern": "EventPattern", "State": "State"}),
    "Schedule": ("AWS::Events::Rule", {"Schedule": "ScheduleExpression", "State": "State",
                                        "Description": "Description"}),
    "SQS": ("AWS::Lambda::EventSourceMapping", {
        "Queue": "EventSourceArn", "BatchSize": "BatchSize", "Enabled": "Enabled",
        "MaximumBatchingWindowInSeconds": "MaximumBatchingWindowInSeconds", "FilterCriteria": "FilterCriteria",
        "FunctionResponseTypes": "FunctionResponseTypes", "ScalingConfig": "ScalingConfig"}),
}
RULE_TARGET_PROPERTIES = {"RetryPolicy", "DeadLetterConfig"}
# What SAM grants a function's role besides its Policies.
BASIC_EXECUTION_ROLE = {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}
SQS_POLLER_ROLE = {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"}
DESTINATION_ACTIONS = {"SQS": "sqs:SendMessage", "SNS": "sns:publish", "Lambda": "lambda:InvokeFunction",
                       "EventBridge": "events:PutEvents"}
IAM_NAMES = {"AWS::IAM::Role": "RoleName", "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
             "AWS::IAM::User": "UserName", "AWS::IAM::Group": "GroupName",
             "AWS::IAM::InstanceProfile": "InstanceProfileName"}


class Refused(Exception):
    """The template cannot go out as a member template; the message says why."""


def version_description(sam, function_id):
    configuration = {"Code": CODE}
    configuration.update((k, v) for k, v in merged(sam, function_id).items() if k in LAMBDA_PROPERTIES)
    names = parameter_refs(configuration, set(sam.get("Parameters", {})) | set(CODE_PARAMETERS))
    return {"Fn::Sub": "published with " + " ".join("${" + name + "}" for name in names)}


def functions(sam):
    return [i for i, r in sam.get("Resources", {}).items() if r.get("Type") == FUNCTION]


def merged(sam, function_id):
    """A function's properties with Globals.Function applied as SAM applies them."""
    return merge(sam.get("Globals", {}).get("Function", {}), sam["Resources"][function_id].get("Properties", {}))


def merge(global_value, local_value):
    if is_plain_map(global_value) and is_plain_map(local_value):
        return {**global_value, **{k: merge(global_value[k], v) if k in global_value else v
                                   for k, v in local_value.items()}}
    if isinstance(global_value, list) and isinstance(local_value, list):
        return global_value + local_value
    return local_value


def is_plain_map(value):
    intrinsic = isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("Ref", "Condition")
    return isinstance(value, dict) and not intrinsic and not any(k.startswith("Fn::") for k in value)


def policies_of(sam, function_id):
    """A function's Policies as a list (SAM also takes a single name or document)."""
    policies = merged(sam, function_id).get("Policies", [])
    return policies if isinstance(policies, list) else [policies]


def is_document(policy):
    return isinstance(policy, dict) and "Statement" in policy


def parameter_refs(value, parameters):
    """The template parameters a value refers to (!Ref, or ${...} in !Sub), in order of appearance."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "Ref" and inner in parameters:
                found.append(inner)
            elif key == "Fn::Sub":
                text = inner if isinstance(inner, str) else inner[0]
                found += sorted((p for p in parameters if "${" + p + "}" in text), key=lambda p: text.index("${" + p + "}"))
            else:
                found += parameter_refs(inner, parameters)
    elif isinstance(value, list):
        for inner in value:
            found += parameter_refs(inner, parameters)
    return list(dict.fromkeys(found))


def rewritten(value, aliases):
    """value with !Ref Function.Alias and Function.Version rewritten as SAM rewrites them."""
    if isinstance(value, dict):
        if set(value) == {"Ref"} and value["Ref"] in aliases:
            return {"Ref": aliases[value["Ref"]]}
        return {k: rewritten(v, aliases) for k, v in value.items()}
    if isinstance(value, list):
        return [rewritten(v, aliases) for v in value]
    return value


def partition_neutral(arn):
    """SAM writes its own ARNs in the partition it translates in; a member template runs in any."""
    if isinstance(arn, str) and arn.startswith("arn:aws:"):
        return {"Fn::Sub": "arn:${AWS::Partition}:" + arn[len("arn:aws:"):]}
    return arn


def lookup(value, path):
    for step in path:
        if isinstance(step, int):
            value = value[step] if isinstance(value, list) and len(value) > step else None
        else:
            value = value.get(step) if isinstance(value, dict) else None
    return value
