"""What the patches of ``moto_server_ext.py`` and ``patches_estates.py`` share: the switches,
the write lock of patch k, AWS's EC2 errors and the DNS domain of an endpoint service.

Kept in its own module so that both patch modules use one lock and one set of switches
(``moto_server_ext.py`` runs as ``__main__``, so importing it again would make a second copy).
No module here may be named ``moto...``: moto picks an error's service from the module path of
its class when that path starts with "moto", and fails on a top-level module.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from typing import Any, Callable

from moto.ec2.exceptions import EC2ClientError

DISABLED = {p.strip() for p in os.environ.get("MOTO_EXT_DISABLE", "").split(",") if p.strip()}


def enabled(patch_id: str) -> bool:
    """Read at call time, so one server process has one fixed set of patches."""
    return patch_id not in DISABLED


def truthy(value: Any) -> bool:
    # moto stores VPC attributes and flags as given: a bool from the parsed request, but a
    # string when it came from a raw query string. Treat both alike.
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


def is_interface(endpoint_type: str | None) -> bool:
    # moto (like AWS) treats a missing VpcEndpointType as Gateway.
    return (endpoint_type or "").lower() == "interface"


def is_live(endpoint: Any) -> bool:
    # moto keeps deleted endpoints listed with state "deleted"; they own no DNS name.
    return endpoint.state not in ("deleted", "rejected", "failed")


# ---------------------------------------------------------------------------------------------
# Patch k: one write at a time where a check guards a create (see moto_server_ext.py)
# ---------------------------------------------------------------------------------------------

_WRITE_LOCK = threading.RLock()
RACE_WINDOW_SECONDS = float(os.environ.get("MOTO_EXT_RACE_WINDOW_MS", "0") or 0) / 1000.0


def race_window() -> None:
    if RACE_WINDOW_SECONDS > 0:
        time.sleep(RACE_WINDOW_SECONDS)


def one_at_a_time(function: Callable[..., Any], patch_id: str = "k") -> Callable[..., Any]:
    """Runs the wrapped write under the one lock, unless its patch (k, or t for DynamoDB) is off."""
    @functools.wraps(function)
    def locked(*args: Any, **kwargs: Any) -> Any:
        if not enabled(patch_id):
            return function(*args, **kwargs)
        with _WRITE_LOCK:
            return function(*args, **kwargs)

    return locked


# ---------------------------------------------------------------------------------------------
# AWS's errors (EC2 query protocol: HTTP 400, <Response><Errors><Error><Code>..)
# ---------------------------------------------------------------------------------------------


class InvalidParameterError(EC2ClientError):
    def __init__(self, message: str):
        super().__init__("InvalidParameter", message)


def conflicting_dns_domain(backend: Any, vpc_id: str, service_name: str) -> InvalidParameterError:
    """AWS's answer when private DNS would claim a name the VPC already resolves privately
    (patches c and l)."""
    return InvalidParameterError(
        "private-dns-enabled cannot be set because there is already a conflicting DNS "
        f"domain for {private_dns_name(backend, service_name)} in the VPC {vpc_id}"
    )


def private_dns_name(backend: Any, service_name: str) -> str:
    """The service's private DNS name, e.g. ssm.us-east-1.amazonaws.com or
    *.dkr.ecr.us-east-1.amazonaws.com, from moto's endpoint-service catalogue."""
    try:
        services = backend._collect_default_endpoint_services(backend.account_id, backend.region_name)
        for service in services:
            if service.get("ServiceName") == service_name and service.get("PrivateDnsName"):
                return service["PrivateDnsName"]
    except Exception:  # pragma: no cover - only a nicer message is lost
        pass
    prefix = f"com.amazonaws.{backend.region_name}."
    short = service_name[len(prefix):] if service_name.startswith(prefix) else service_name
    return f"{short}.{backend.region_name}.amazonaws.com"
