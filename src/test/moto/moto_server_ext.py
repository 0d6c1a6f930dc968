#!/usr/bin/env python3
"""moto_server, patched to behave like AWS where our tests depend on it.

Usage (same command line as ``moto_server``)::

    python moto_server_ext.py -H 127.0.0.1 -p 5000

The patches target moto 5.2.1 (``pip install 'moto[server]==5.2.1'``). Each one has a letter, so
that it can be switched off to prove a test depends on it::

    MOTO_EXT_DISABLE=a,c python moto_server_ext.py -p 5000     # every patch but a and c

| id | fixes                                                               | level    |
|----|---------------------------------------------------------------------|----------|
| a  | ModifyVpcEndpoint PrivateDnsEnabled=true: flag stays false          | response + model |
| b  | CreateVpcEndpoint with a repeated ClientToken: a second endpoint    | response |
| c  | second private-DNS endpoint for one service in a VPC: accepted      | model    |
| d  | PrivateDnsEnabled=true while a VPC DNS attribute is off: accepted   | model    |
| e  | two subnets of one AZ on an interface endpoint: accepted            | model    |
| f  | interface endpoint created without security groups: none attached   | model    |
| g  | ModifyVpcEndpoint AddRouteTableIds: no route                        | model    |
| h  | gateway endpoint reports PrivateDnsEnabled=true                     | model    |
| i  | DryRun=true on create/modify endpoint: really creates / modifies    | response |
| j  | the VPC default security group: no ingress rules                    | model    |
| k  | check-then-act not atomic under concurrent requests                 | lock     |
| l..r | the estates patches (private hosted zones, network ACLs, endpoint policies, cluster
|      | configuration, a task's Exec flag, dead routes): see ``patches_estates.py`` |     |
| t  | DynamoDB conditional writes not atomic under concurrent requests    | lock (``patches_ledger.py``) |
| u..v | the cost patches (CloudWatch in RPC v2 CBOR, aging an endpoint in a test): see
|      | ``patches_cost.py``                                                 |          |

The error texts are AWS's own, as seen in public reports of real API answers (see
``src/test/moto/README.md``). Everything else is moto's ``moto.server.main``.
"""

from __future__ import annotations

import functools
import json
import sys
from typing import Any

import moto
from moto.core.responses import ActionResult
from moto.ec2.exceptions import EC2ClientError
from moto.ec2.models.security_groups import SecurityGroup, SecurityGroupBackend
from moto.ec2.models.vpcs import VPCBackend
from moto.ec2.responses.vpcs import VPCs

import patches_cost
import patches_estates
import patches_ledger
from patches_common import (
    RACE_WINDOW_SECONDS,
    InvalidParameterError,
    conflicting_dns_domain,
    enabled,
    is_interface,
    is_live,
    one_at_a_time,
    race_window,
    truthy,
)

TARGET_MOTO_VERSION = "5.2.1"
ALL_PATCHES = "abcdefghijklmnopqrstuv"


# ---------------------------------------------------------------------------------------------
# Patch k: one write at a time where a check guards a create
# ---------------------------------------------------------------------------------------------
#
# moto_server answers every request on its own thread (werkzeug's run_simple(threaded=True)), and
# moto's models hold no lock. Each check below is followed by the change it guards, with Python
# code in between, so two concurrent requests can both pass the check and both act: two endpoints
# for one ClientToken or one private DNS domain (patches b, c), two groups of one name (moto's own
# InvalidGroup.Duplicate check), one ingress rule twice. AWS applies each request atomically, and
# our race tests (twenty invocations at once) depend on that. So every write that checks before
# it acts runs under one re-entrant lock (re-entrant: the response handlers call the wrapped
# models, and CreateVpc's patch j authorizes a rule). Reads are not locked: moto's describes copy
# what they list, and a read racing a write sees it before or after, as in AWS.
#
# MOTO_EXT_RACE_WINDOW_MS=N sleeps N ms between each check and its change (a test knob: it makes
# the race above reproducible; with patch k on, the lock still makes one request win).
# MotoConcurrencyIT fails with MOTO_EXT_DISABLE=k MOTO_EXT_RACE_WINDOW_MS=20 and passes with k on.

# The lock itself and the race window live in patches_common.py (shared with the estates
# patches).


# ---------------------------------------------------------------------------------------------
# AWS's errors (EC2 query protocol: HTTP 400, <Response><Errors><Error><Code>..)
# ---------------------------------------------------------------------------------------------


class IdempotentParameterMismatchError(EC2ClientError):
    def __init__(self) -> None:
        # AWS's text for every ClientToken mismatch (RunInstances, CreateVpcEndpoint, ...).
        super().__init__(
            "IdempotentParameterMismatch",
            "Arguments on this idempotent request are inconsistent with arguments used in "
            "previous request(s).",
        )


class DuplicateSubnetsInSameZoneError(EC2ClientError):
    def __init__(self, subnet_id: str):
        super().__init__(
            "DuplicateSubnetsInSameZone",
            f"Found another VPC endpoint subnet in the availability zone of {subnet_id}. "
            "VPC endpoint subnets should be in different availability zones supported by the "
            "VPC endpoint service.",
        )


# ---------------------------------------------------------------------------------------------
# Checks shared by create and modify (model level, on moto's VPCBackend)
# ---------------------------------------------------------------------------------------------


def _check_vpc_dns_attributes(backend: Any, vpc_id: str) -> None:
    """Patch d. Known gap: "`PrivateDnsEnabled=true` while a VPC DNS attribute is off | accepted |
    `InvalidParameter`". AWS refuses private DNS unless both attributes are true."""
    if not enabled("d"):
        return
    vpc = backend.get_vpc(vpc_id)
    if not (truthy(vpc.enable_dns_support) and truthy(vpc.enable_dns_hostnames)):
        raise InvalidParameterError(
            "Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC "
            f"attributes set to true for {vpc_id}"
        )


def _check_no_conflicting_private_dns(
    backend: Any, vpc_id: str, service_name: str, except_endpoint_id: str | None = None
) -> None:
    """Patch c. Known gap: "second private-DNS endpoint for one service in a VPC | accepted |
    `InvalidParameter`, conflicting DNS domain". Only one endpoint may own the service's
    private hosted zone in a VPC."""
    if not enabled("c"):
        return
    for other in backend.vpc_end_points.values():
        if (
            other.id != except_endpoint_id
            and other.vpc_id == vpc_id
            and other.service_name == service_name
            and is_interface(other.vpc_endpoint_type)
            and truthy(other.private_dns_enabled)
            and is_live(other)
        ):
            raise conflicting_dns_domain(backend, vpc_id, service_name)


def _check_one_subnet_per_zone(backend: Any, subnet_ids: list[str]) -> None:
    """Patch e. Known gap: "two subnets of one AZ on an interface endpoint | accepted |
    `DuplicateSubnetsInSameZone`". An interface endpoint has at most one subnet per AZ."""
    if not enabled("e"):
        return
    seen: set[str] = set()
    for subnet_id in subnet_ids:
        zone = backend.get_subnet(subnet_id).availability_zone
        if zone in seen:
            raise DuplicateSubnetsInSameZoneError(subnet_id)
        seen.add(zone)


# ---------------------------------------------------------------------------------------------
# CreateVpcEndpoint (model): patches c, d, e, f, h
# ---------------------------------------------------------------------------------------------

_original_create_vpc_endpoint = VPCBackend.create_vpc_endpoint


@functools.wraps(_original_create_vpc_endpoint)
def create_vpc_endpoint(self: Any, vpc_id: str, service_name: str, endpoint_type: str | None,
                        policy_document: str | None, route_table_ids: list[str],
                        subnet_ids: list[str] | None = None, *args: Any, **kwargs: Any) -> Any:
    private_dns = kwargs.get("private_dns_enabled")
    if is_interface(endpoint_type):
        self.get_vpc(vpc_id)  # moto's own InvalidVpcID.NotFound first
        for subnet_id in subnet_ids or []:
            self.get_subnet(subnet_id)
        _check_one_subnet_per_zone(self, list(subnet_ids or []))  # e
        if truthy(private_dns):
            _check_vpc_dns_attributes(self, vpc_id)  # d
            _check_no_conflicting_private_dns(self, vpc_id, service_name)  # c
            patches_estates.check_no_zone_holds_service_name(self, vpc_id, service_name)  # l
            race_window()
        # Patch f. Known gap: "interface endpoint created without security groups | none
        # attached | the VPC's default SG". AWS: "If you don't specify a security group, we
        # associate the default security group for the VPC."
        if enabled("f") and not kwargs.get("security_group_ids"):
            default_group = self.get_default_security_group(vpc_id)
            if default_group is not None:
                kwargs["security_group_ids"] = [default_group.id]
    elif enabled("h"):
        # Patch h (found here): moto's response layer defaults
        # PrivateDnsEnabled to true for every type, so gateway endpoints claimed private DNS.
        # AWS answers PrivateDnsEnabled=false for a gateway endpoint.
        kwargs["private_dns_enabled"] = False
    return _original_create_vpc_endpoint(
        self, vpc_id, service_name, endpoint_type, policy_document, route_table_ids, subnet_ids,
        *args, **kwargs
    )


# ---------------------------------------------------------------------------------------------
# ModifyVpcEndpoint (model): patches a, c, d, e, g
# ---------------------------------------------------------------------------------------------

_original_modify_vpc_endpoint = VPCBackend.modify_vpc_endpoint


@functools.wraps(_original_modify_vpc_endpoint)
def modify_vpc_endpoint(self: Any, vpc_id: str, policy_doc: str,
                        add_subnets: list[str] | None, remove_subnets: list[str] | None,
                        remove_route_tables: list[str] | None, add_route_tables: list[str] | None,
                        add_security_groups: list[str] | None,
                        remove_security_groups: list[str] | None,
                        private_dns_enabled: Any = None, reset_policy: Any = None) -> None:
    # moto names the endpoint id "vpc_id" here.
    endpoint = self.get_vpc_end_point(vpc_id)
    interface = is_interface(endpoint.vpc_endpoint_type)

    # Validate everything before changing anything, as AWS does.
    if interface and add_subnets:
        for subnet_id in add_subnets:
            self.get_subnet(subnet_id)
        kept = [s for s in (endpoint.subnet_ids or []) if s not in (remove_subnets or [])]
        _check_one_subnet_per_zone(self, kept + [s for s in add_subnets if s not in kept])  # e
    turn_dns_on = private_dns_enabled is not None and truthy(private_dns_enabled)
    if interface and turn_dns_on and not truthy(endpoint.private_dns_enabled):
        _check_vpc_dns_attributes(self, endpoint.vpc_id)  # d
        _check_no_conflicting_private_dns(self, endpoint.vpc_id, endpoint.service_name,
                                          except_endpoint_id=endpoint.id)  # c
        patches_estates.check_no_zone_holds_service_name(self, endpoint.vpc_id,
                                                          endpoint.service_name)  # l
        race_window()
    old_route_tables = list(endpoint.route_table_ids or [])

    _original_modify_vpc_endpoint(
        self, vpc_id, policy_doc, add_subnets, remove_subnets, remove_route_tables,
        add_route_tables, add_security_groups, remove_security_groups,
    )

    # Patch g. Known gap: "`ModifyVpcEndpoint AddSubnetIds` / `AddRouteTableIds` | lists change,
    # no ENI / no route". A gateway endpoint's route tables get (or lose) the pl-... route, as
    # CreateVpcEndpoint and DeleteVpcEndpoints already do in moto.
    if enabled("g") and not interface and endpoint.destination_prefix_list_id:
        for route_table_id in endpoint.route_table_ids:
            if route_table_id not in old_route_tables:
                self.create_route(route_table_id, None, gateway_id=endpoint.id,
                                  destination_prefix_list_id=endpoint.destination_prefix_list_id)
        for route_table_id in old_route_tables:
            if route_table_id not in endpoint.route_table_ids:
                self.delete_route(route_table_id, None,
                                  destination_prefix_list_id=endpoint.destination_prefix_list_id)

    # Patch a. Known gap: "`ModifyVpcEndpoint PrivateDnsEnabled=true` | answers success, flag
    # stays false | flag flips". moto's response ignores the parameter; flip it (both ways).
    if enabled("a") and interface and private_dns_enabled is not None:
        endpoint.private_dns_enabled = truthy(private_dns_enabled)

    if truthy(reset_policy):
        patches_estates.reset_policy(endpoint)  # n


# ---------------------------------------------------------------------------------------------
# Response level: patches a (pass the parameter), b (ClientToken), i (DryRun)
# ---------------------------------------------------------------------------------------------

_original_create_response = VPCs.create_vpc_endpoint
_original_modify_response = VPCs.modify_vpc_endpoint


def _request_fingerprint(response: Any) -> str:
    """Every request parameter but the token itself: tags, policy and flags included, as AWS
    compares them."""
    params = getattr(response, "params", None)
    if not isinstance(params, dict) or not params:
        params = {k: v for k, v in response.querystring.items() if k not in ("Action", "Version")}
    ignored = {"ClientToken", "clienttoken", "DryRun", "Action", "Version"}
    return json.dumps({k: v for k, v in params.items() if k not in ignored},
                      sort_keys=True, default=str)


@functools.wraps(_original_create_response)
def create_vpc_endpoint_response(self: Any) -> Any:
    if enabled("i"):
        # Patch i. Known gap: "`DryRun=true` on create/modify endpoint | really creates /
        # modifies | `DryRunOperation` error".
        self.error_on_dryrun()
    token = self._get_param("ClientToken")
    if not token or not enabled("b"):
        return _original_create_response(self)
    # Patch b. Known gap: "`CreateVpcEndpoint` with a repeated `ClientToken` | a second endpoint |
    # the same endpoint". Same token + same request: the first endpoint, nothing created.
    # Same token + any other parameter (tags included): IdempotentParameterMismatch.
    fingerprint = _request_fingerprint(self)
    backend = self.ec2_backend
    # The token check and the create are one step: the whole handler runs under patch k's lock.
    # Kept on the backend object, so POST /moto-api/reset forgets tokens with everything else.
    tokens = backend.__dict__.setdefault("_ext_client_tokens", {})
    if token in tokens:
        first_fingerprint, endpoint_id = tokens[token]
        if first_fingerprint != fingerprint:
            raise IdempotentParameterMismatchError()
        endpoint = backend.get_vpc_end_point(endpoint_id)
        return ActionResult({"VpcEndpoint": endpoint, "ClientToken": token})
    race_window()
    result = _original_create_response(self)
    endpoint = result.result["VpcEndpoint"]
    tokens[token] = (fingerprint, endpoint.id)
    return ActionResult({"VpcEndpoint": endpoint, "ClientToken": token})


@functools.wraps(_original_modify_response)
def modify_vpc_endpoint_response(self: Any) -> Any:
    if enabled("i"):
        self.error_on_dryrun()  # patch i, as above
    # moto's handler drops PrivateDnsEnabled and ResetPolicy; read them here and hand them to
    # the model (patches a and n).
    private_dns = self._get_param("PrivateDnsEnabled")
    self.ec2_backend.modify_vpc_endpoint(
        vpc_id=self._get_param("VpcEndpointId"),
        policy_doc=self._get_param("PolicyDocument"),
        add_subnets=self._get_param("AddSubnetIds", []),
        remove_subnets=self._get_param("RemoveSubnetIds", []),
        add_route_tables=self._get_param("AddRouteTableIds", []),
        remove_route_tables=self._get_param("RemoveRouteTableIds", []),
        add_security_groups=self._get_param("AddSecurityGroupIds", []),
        remove_security_groups=self._get_param("RemoveSecurityGroupIds", []),
        private_dns_enabled=private_dns,
        reset_policy=self._get_param("ResetPolicy"),
    )
    return ActionResult({"Return": True})


# ---------------------------------------------------------------------------------------------
# CreateVpc (model): patch j
# ---------------------------------------------------------------------------------------------

_original_create_vpc = VPCBackend.create_vpc


@functools.wraps(_original_create_vpc)
def create_vpc(self: Any, *args: Any, **kwargs: Any) -> Any:
    vpc = _original_create_vpc(self, *args, **kwargs)
    # Patch j. Known gap: "the VPC default security group | no ingress rules | all traffic from
    # itself". AWS's default group admits all traffic from members of the same group.
    if enabled("j"):
        group = self.get_default_security_group(vpc.id)
        if group is not None and not group.ingress_rules:
            SecurityGroupBackend.authorize_security_group_ingress(
                self, group.id, "-1", None, None, [],
                source_groups=[{"GroupId": group.id, "UserId": self.account_id}],
                vpc_id=vpc.id,
            )
    return vpc


# ---------------------------------------------------------------------------------------------
# CreateSecurityGroup, AuthorizeSecurityGroupIngress (model): patch k's lock around moto's own
# duplicate checks
# ---------------------------------------------------------------------------------------------

_original_create_security_group = SecurityGroupBackend.create_security_group
_original_authorize_ingress = SecurityGroupBackend.authorize_security_group_ingress
_original_security_group_init = SecurityGroup.__init__


@functools.wraps(_original_security_group_init)
def security_group_init(self: Any, *args: Any, **kwargs: Any) -> None:
    # moto checks the name in create_security_group, then builds the group, then stores it: the
    # race window (test knob only) sits between the check and the store.
    race_window()
    _original_security_group_init(self, *args, **kwargs)


# ---------------------------------------------------------------------------------------------


def install() -> None:
    if moto.__version__ != TARGET_MOTO_VERSION:
        print(f"moto_server_ext: WARNING: patches written for moto {TARGET_MOTO_VERSION}, "
              f"running {moto.__version__}", file=sys.stderr)
    VPCBackend.create_vpc = create_vpc
    VPCs.create_vpc_endpoint = one_at_a_time(create_vpc_endpoint_response)
    VPCs.modify_vpc_endpoint = one_at_a_time(modify_vpc_endpoint_response)
    # Patch k also guards the model calls themselves (other callers than these handlers, e.g.
    # an untokened create) and moto's own duplicate checks.
    VPCBackend.create_vpc_endpoint = one_at_a_time(create_vpc_endpoint)
    VPCBackend.modify_vpc_endpoint = one_at_a_time(modify_vpc_endpoint)
    SecurityGroupBackend.create_security_group = one_at_a_time(_original_create_security_group)
    SecurityGroupBackend.authorize_security_group_ingress = one_at_a_time(_original_authorize_ingress)
    if RACE_WINDOW_SECONDS > 0:
        SecurityGroup.__init__ = security_group_init
    patches_estates.install()
    patches_ledger.install()
    patches_cost.install()
    active = ",".join(p for p in ALL_PATCHES if enabled(p)) or "none"
    window = f", race window {RACE_WINDOW_SECONDS * 1000:g} ms" if RACE_WINDOW_SECONDS > 0 else ""
    print(f"moto_server_ext: moto {moto.__version__}, patches active: {active}{window}", file=sys.stderr,
          flush=True)


def main(argv: list[str] | None = None) -> None:
    install()
    from moto.server import main as moto_main

    moto_main(argv if argv is not None else sys.argv[1:])


if __name__ == "__main__":
    main()
