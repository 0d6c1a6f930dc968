"""The check that the member template deploys what the SAM template deploys (differences())."""
from org_template_sam import (BASIC_EXECUTION_ROLE, CODE, CODE_PARAMETERS, DESTINATION_ACTIONS, EVENT_SOURCES,
                              FUNCTION, IAM_NAMES, LAMBDA_PROPERTIES, SQS_POLLER_ROLE, functions, is_document,
                              lookup, merged, policies_of, rewritten, version_description)


def differences(sam, member):
    """Every way the member template differs from what the SAM template deploys, one line each."""
    problems = ["the member template still has a Transform"] if "Transform" in member else []
    expected, aliases = {}, {}  # logical id -> (type, {property path: value}); SAM's Ref rewrites
    for function_id in functions(sam):
        expected.update(function_expansion(sam, member, function_id, aliases))
    for key in set(sam) - {"Transform", "Globals", "Resources", "Parameters"}:
        if member.get(key) != rewritten(sam[key], aliases):
            problems.append(f"{key}: differs from template.yaml")
    if member.get("Parameters") != {**sam.get("Parameters", {}), **CODE_PARAMETERS}:
        problems.append("Parameters: not template.yaml's plus " + ", ".join(CODE_PARAMETERS))
    resources = member.get("Resources", {})
    for logical_id, resource in sam["Resources"].items():
        if resource.get("Type", "").startswith("AWS::Serverless::") and resource["Type"] != FUNCTION:
            problems.append(f"{logical_id}: {resource['Type']} is not checked by scripts/org_template.py")
        elif resource.get("Type") != FUNCTION and resources.get(logical_id) != rewritten(resource, aliases):
            problems.append(f"{logical_id}: changed or dropped by the translation")
    for logical_id, (resource_type, checks) in expected.items():
        actual = resources.get(logical_id, {})
        if actual.get("Type") != resource_type:
            problems.append(f"{logical_id}: expected a {resource_type}, the translation has none")
            continue
        properties = actual.get("Properties", {})
        problems += [f"{logical_id}: {'.'.join(map(str, path))} is not {repr(value)[:160]}"
                     for path, value in checks.items() if lookup(properties, path) != value]
        added = set(properties) - {path[0] for path in checks}
        if resource_type == "AWS::Lambda::Function" and added:
            problems.append(f"{logical_id}: the translation adds {sorted(added)}")
    for logical_id in set(resources) - set(sam["Resources"]) - set(expected):
        problems.append(f"{logical_id}: added by the translation, not declared by template.yaml")
    for logical_id, resource in resources.items():
        if IAM_NAMES.get(resource.get("Type")) in resource.get("Properties", {}):
            problems.append(f"{logical_id}: sets {IAM_NAMES[resource['Type']]}; IAM is global, so the stacks"
                            " of one account in two Regions would collide")
    return sorted(problems)


def function_expansion(sam, member, function_id, aliases):
    """The resources SAM must make of one function, with the properties each must carry."""
    properties = merged(sam, function_id)
    alias = properties["AutoPublishAlias"]
    alias_id = f"{function_id}Alias{alias}"
    alias_ref = {"Ref": alias_id}
    versions = [i for i, r in member.get("Resources", {}).items() if r.get("Type") == "AWS::Lambda::Version"
                and r.get("Properties", {}).get("FunctionName") == {"Ref": function_id}]
    version_id = versions[0] if len(versions) == 1 else f"{function_id}Version(exactly one)"
    aliases.update({f"{function_id}.Alias": alias_id, f"{function_id}.Version": version_id})
    function = {(k,): v for k, v in properties.items() if k in LAMBDA_PROPERTIES}
    function.update({("Code",): CODE, ("Role",): {"Fn::GetAtt": [function_id + "Role", "Arn"]},
                     ("Tags",): [{"Key": "lambda:createdBy", "Value": "SAM"}]})
    expected = {
        function_id: ("AWS::Lambda::Function", function),
        version_id: ("AWS::Lambda::Version", {("Description",): version_description(sam, function_id)}),
        alias_id: ("AWS::Lambda::Alias", {("Name",): alias,
                                          ("FunctionVersion",): {"Fn::GetAtt": [version_id, "Version"]}}),
    }
    policies = policies_of(sam, function_id)
    managed = [BASIC_EXECUTION_ROLE] + [p for p in policies if not is_document(p)]
    inline = {f"{function_id}RolePolicy{i}": p for i, p in enumerate(policies) if is_document(p)}
    invoke = properties.get("EventInvokeConfig")
    if invoke:
        config = {(k,): v for k, v in invoke.items() if k != "DestinationConfig"}
        config[("Qualifier",)] = alias
        for outcome, destination in invoke.get("DestinationConfig", {}).items():
            config[("DestinationConfig", outcome, "Destination")] = destination["Destination"]
            inline[f"{function_id}EventInvokeConfig{outcome}{destination['Type']}Policy"] = {"Statement": [{
                "Action": DESTINATION_ACTIONS[destination["Type"]], "Effect": "Allow",
                "Resource": destination["Destination"]}]}
        expected[function_id + "EventInvokeConfig"] = ("AWS::Lambda::EventInvokeConfig", config)
    for name, event in properties.get("Events", {}).items():
        resource_type, placement = EVENT_SOURCES[event["Type"]]
        settings = event.get("Properties", {})
        checks = {(placement[k],): v for k, v in settings.items() if k in placement}
        if event["Type"] == "SQS":
            checks[("FunctionName",)] = alias_ref
            managed.append(SQS_POLLER_ROLE)
        else:
            checks[("Targets", 0, "Arn")] = alias_ref
            if "RetryPolicy" in settings:
                checks[("Targets", 0, "RetryPolicy")] = settings["RetryPolicy"]
            dead_letters = settings.get("DeadLetterConfig", {})
            queue_id = dead_letters.get("QueueLogicalId")
            if queue_id:
                expected[queue_id] = ("AWS::SQS::Queue", {})
                expected[f"{function_id}{name}QueuePolicy"] = ("AWS::SQS::QueuePolicy", {
                    ("Queues",): [{"Ref": queue_id}], ("PolicyDocument", "Statement"): [{
                        "Action": "sqs:SendMessage", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
                        "Resource": {"Fn::GetAtt": [queue_id, "Arn"]},
                        "Condition": {"ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": [function_id + name, "Arn"]}}}}]})
            if dead_letters:
                checks[("Targets", 0, "DeadLetterConfig", "Arn")] = dead_letters.get(
                    "Arn", {"Fn::GetAtt": [queue_id, "Arn"]})
            expected[f"{function_id}{name}Permission"] = ("AWS::Lambda::Permission", {
                ("FunctionName",): alias_ref, ("Principal",): "events.amazonaws.com",
                ("SourceArn",): {"Fn::GetAtt": [function_id + name, "Arn"]}})
        expected[function_id + name] = (resource_type, checks)
    expected[function_id + "Role"] = ("AWS::IAM::Role", {
        ("ManagedPolicyArns",): managed,
        ("Policies",): [{"PolicyName": n, "PolicyDocument": d} for n, d in sorted(inline.items())]})
    return expected
