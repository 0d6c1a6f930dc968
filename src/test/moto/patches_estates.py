"""The estates patches of moto 5.2.1 (letters l..s): what AWS does and moto does not with Route 53
private hosted zones, network ACLs, endpoint policies, a cluster's ECS Exec configuration, a task's
ECS Exec flag and routes whose target is gone, for VPCs such as those whose endpoints live in a hub
VPC, reached through private hosted zones.

Installed by ``moto_server_ext.py`` (same switches: ``MOTO_EXT_DISABLE=l,m``).

| id | fixes                                                                          | level    |
|----|--------------------------------------------------------------------------------|----------|
| l  | private DNS accepted though a private hosted zone of the VPC holds the name    | model    |
| m  | CreateNetworkAcl: an ACL without entries                                       | model    |
| n  | ModifyVpcEndpoint ResetPolicy=true: ignored                                    | model    |
| o  | ListHostedZonesByVPC: no paging, MaxItems ignored                              | response |
| p  | ListResourceRecordSets: a wildcard record named ``*.`` instead of ``\\052.``   | response |
| q  | DescribeClusters: ``configuration`` answered without ``include=CONFIGURATIONS`` | response |
| r  | RunTask / DescribeTasks: ``enableExecuteCommand`` dropped                      | response |
| s  | DescribeRouteTables: a route to a deleted NAT gateway reported ``active``      | model    |

Evidence for each (public URLs) is in ``src/test/moto/README.md``.
"""

from __future__ import annotations

import copy
import functools
import json
from typing import Any, Iterable

from moto.core.responses import ActionResult
from moto.ecs.responses import EC2ContainerServiceResponse
from moto.ec2.models.network_acls import NetworkAclBackend, NetworkAclEntry
from moto.ec2.models.route_tables import Route
from moto.ec2.models.vpcs import VPCEndPoint
from moto.route53.models import route53_backends
from moto.route53.responses import Route53
from moto.utilities.utils import get_partition

from patches_common import conflicting_dns_domain, enabled, private_dns_name

# ---------------------------------------------------------------------------------------------
# Patch l: a private hosted zone of the VPC that holds the service's name blocks private DNS
# ---------------------------------------------------------------------------------------------
#
# Private DNS is itself a (hidden, AWS-owned) private hosted zone named after the service's
# private DNS name, e.g. ssm.us-east-1.amazonaws.com, and dkr.ecr.us-east-1.amazonaws.com for
# ecr.dkr (whose name is *.dkr.ecr...: a zone cannot be named with a wildcard). Route 53 lets a
# VPC be associated with one zone of a name only (ConflictingDomainExists), while zones of
# overlapping names (amazonaws.com, us-east-1.amazonaws.com) may share a VPC, the most specific
# winning. So EC2 refuses private DNS when a zone of exactly that name is associated with the
# VPC, with the same "conflicting DNS domain" error as for a second endpoint (patch c).


def _zone_name(dns_name: str) -> str:
    name = dns_name.lower().rstrip(".")
    return name[2:] if name.startswith("*.") else name


def _private_zones_of(ec2_backend: Any, vpc_id: str) -> Iterable[Any]:
    """The private hosted zones associated with the VPC: moto serves Route 53 from the same
    process, so its backend is read directly."""
    route53 = route53_backends[ec2_backend.account_id][get_partition(ec2_backend.region_name)]
    for zone in list(route53.zones.values()):
        if zone.private_zone and any(
            vpc.get("vpc_id") == vpc_id
            and vpc.get("vpc_region", ec2_backend.region_name) == ec2_backend.region_name
            for vpc in zone.vpcs
        ):
            yield zone


def check_no_zone_holds_service_name(ec2_backend: Any, vpc_id: str, service_name: str) -> None:
    """Patch l, called where private DNS is turned on (create or modify), after patch c."""
    if not enabled("l"):
        return
    wanted = _zone_name(private_dns_name(ec2_backend, service_name))
    for zone in _private_zones_of(ec2_backend, vpc_id):
        if _zone_name(zone.name) == wanted:
            raise conflicting_dns_domain(ec2_backend, vpc_id, service_name)


# ---------------------------------------------------------------------------------------------
# Patch m: a new network ACL denies everything until rules are added
# ---------------------------------------------------------------------------------------------
#
# AWS: "a custom network ACL denies all inbound and outbound traffic until you add rules"; the
# deny is the rule numbered * (32767 in the API), one per direction, for 0.0.0.0/0, and also for
# ::/0 when the VPC has an IPv6 CIDR block. moto makes the ACL with no entries at all.

_ALL_TRAFFIC_RULE = 32767
_original_create_network_acl = NetworkAclBackend.create_network_acl


def _has_ipv6(ec2_backend: Any, vpc_id: str) -> bool:
    vpc = ec2_backend.get_vpc(vpc_id)
    return any(association.get("cidr_block_state", {}).get("state") == "associated"
               for association in vpc.get_cidr_block_association_set(ipv6=True))


@functools.wraps(_original_create_network_acl)
def create_network_acl(self: Any, vpc_id: str, tags: Any = None, default: bool = False) -> Any:
    acl = _original_create_network_acl(self, vpc_id, tags=tags, default=default)
    if enabled("m") and not default:
        blocks: list[tuple[str | None, str | None]] = [("0.0.0.0/0", None)]
        if _has_ipv6(self, vpc_id):
            blocks.append((None, "::/0"))
        for egress in (True, False):
            for ipv4, ipv6 in blocks:
                # Appended directly: moto's create_network_acl_entry allows one entry per rule
                # number and direction, and AWS has two * rules per direction in an IPv6 VPC.
                acl.network_acl_entries.append(NetworkAclEntry(
                    self, acl.id, _ALL_TRAFFIC_RULE, "-1", "deny", egress, ipv4,
                    None, None, None, None, ipv6))
    return acl


# ---------------------------------------------------------------------------------------------
# Patch n: ModifyVpcEndpoint ResetPolicy=true restores the default full-access policy
# ---------------------------------------------------------------------------------------------


def reset_policy(endpoint: Any) -> None:
    """Called by moto_server_ext's ModifyVpcEndpoint (moto's handler drops ResetPolicy). The
    default is what moto gives an endpoint created without a policy, AWS's default policy."""
    if enabled("n"):
        endpoint.policy_document = json.dumps(VPCEndPoint.DEFAULT_POLICY)


# ---------------------------------------------------------------------------------------------
# Patch o: ListHostedZonesByVPC pages (MaxItems, NextToken) and echoes MaxItems
# ---------------------------------------------------------------------------------------------

# AWS documents no page size for a request without MaxItems; 100 is ListHostedZones' default.
_DEFAULT_MAX_ITEMS = 100
_original_list_hosted_zones_by_vpc = Route53.list_hosted_zones_by_vpc


@functools.wraps(_original_list_hosted_zones_by_vpc)
def list_hosted_zones_by_vpc(self: Any) -> Any:
    if not enabled("o"):
        return _original_list_hosted_zones_by_vpc(self)
    summaries = self.backend.list_hosted_zones_by_vpc(self._get_param("VPCId"))
    max_items = int(self._get_param("MaxItems") or _DEFAULT_MAX_ITEMS)
    # The token is opaque to callers; here it is the id of the first zone of the next page.
    token = self._get_param("NextToken")
    ids = [summary["HostedZoneId"] for summary in summaries]
    start = ids.index(token) if token in ids else 0
    page = summaries[start:start + max_items]
    result: dict[str, Any] = {"HostedZoneSummaries": page, "MaxItems": str(max_items)}
    if start + max_items < len(summaries):
        result["NextToken"] = ids[start + max_items]
    return ActionResult(result)


# ---------------------------------------------------------------------------------------------
# Patch p: ListResourceRecordSets writes a wildcard label as \052, as Route 53 does
# ---------------------------------------------------------------------------------------------
#
# Route 53 answers names with characters other than a-z, 0-9, - and _ in octal escapes: a
# record created as *.dkr.ecr.us-east-1.amazonaws.com is listed as \052.dkr.ecr.us-east-1...
# Requests may use either form, so StartRecordName is read in both.

_WILDCARD = "*."
_ESCAPED_WILDCARD = "\\052."
_original_list_resource_record_sets = Route53.list_resource_record_sets


def _as_route53_writes_it(name: str | None) -> str | None:
    if name and name.startswith(_WILDCARD):
        return _ESCAPED_WILDCARD + name[len(_WILDCARD):]
    return name


def _as_moto_stores_it(name: str | None) -> str | None:
    if name and name.startswith(_ESCAPED_WILDCARD):
        return _WILDCARD + name[len(_ESCAPED_WILDCARD):]
    return name


@functools.wraps(_original_list_resource_record_sets)
def list_resource_record_sets(self: Any) -> Any:
    if not enabled("p"):
        return _original_list_resource_record_sets(self)
    start_name = _as_moto_stores_it(self._get_param("StartRecordName"))
    if start_name is not None:
        self.params["StartRecordName"] = start_name
    answer = _original_list_resource_record_sets(self)
    records = []
    for record in answer.result["ResourceRecordSets"]:
        listed = copy.copy(record)  # the stored record keeps moto's form
        listed.name = _as_route53_writes_it(record.name)
        records.append(listed)
    answer.result["ResourceRecordSets"] = records
    answer.result["NextRecordName"] = _as_route53_writes_it(answer.result.get("NextRecordName"))
    return answer


# ---------------------------------------------------------------------------------------------
# Patch q: DescribeClusters answers a cluster's configuration only when asked to
# ---------------------------------------------------------------------------------------------
#
# AWS: "If this field [include] is omitted, this information isn't included. ... If CONFIGURATIONS
# is specified, the configuration for the cluster is included." The configuration holds ECS
# Exec's KMS key; moto answers it always, so a reader that forgets include would pass here only.

_CLUSTER_CONFIGURATION = "DescribeClustersResponse.clusters.Cluster.configuration"
_original_describe_clusters = EC2ContainerServiceResponse.describe_clusters


@functools.wraps(_original_describe_clusters)
def describe_clusters(self: Any) -> Any:
    if not enabled("q"):
        return _original_describe_clusters(self)
    # moto keeps this table on the class, shared by concurrent requests: give this one its own.
    self.RESPONSE_KEY_PATH_TO_TRANSFORMER = dict(self.RESPONSE_KEY_PATH_TO_TRANSFORMER)
    if "CONFIGURATIONS" in (self._get_param("include") or []):
        self._include_in_response(_CLUSTER_CONFIGURATION)
    else:
        self._exclude_from_response(_CLUSTER_CONFIGURATION)
    return _original_describe_clusters(self)


# ---------------------------------------------------------------------------------------------
# Patch r: a task keeps the enableExecuteCommand it was run with
# ---------------------------------------------------------------------------------------------
#
# AWS's Task carries enableExecuteCommand ("Determines whether execute command functionality is
# turned on for this task"), and the remediation reads ECS Exec from DescribeTasks only: never from
# the event, which anyone allowed to invoke the function can write. moto 5.2.1 drops the request's
# flag, so every task would look as if it had no Exec.

_original_run_task = EC2ContainerServiceResponse.run_task


@functools.wraps(_original_run_task)
def run_task(self: Any) -> Any:
    answer = _original_run_task(self)
    if enabled("r"):
        for task in answer.result["tasks"]:
            # moto answers a task's attributes by their snake_case names, in RunTask and DescribeTasks.
            task.enable_execute_command = bool(self._get_param("enableExecuteCommand", False))
    return answer


# ---------------------------------------------------------------------------------------------
# Patch s: a route whose NAT gateway was deleted is a blackhole
# ---------------------------------------------------------------------------------------------
#
# moto's Route.state is always "active". EC2 marks a route whose target is gone ("the NAT gateway
# was deleted") as blackhole: it stays in the table, and its traffic is dropped.


def route_state(self: Any) -> str:
    if enabled("s") and self.nat_gateway is not None and self.nat_gateway.state in ("deleting", "deleted"):
        return "blackhole"
    return "active"


def install() -> None:
    Route.state = property(route_state)
    NetworkAclBackend.create_network_acl = create_network_acl
    Route53.list_hosted_zones_by_vpc = list_hosted_zones_by_vpc
    Route53.list_resource_record_sets = list_resource_record_sets
    EC2ContainerServiceResponse.describe_clusters = describe_clusters
    EC2ContainerServiceResponse.run_task = run_task
