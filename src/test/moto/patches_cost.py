"""The cost patches of moto 5.2.1 (letters u..v), for the sweep's cost side: reading PrivateLink
metrics with the AWS SDK for Java and aging an endpoint in a test.

Installed by ``moto_server_ext.py`` (same switches: ``MOTO_EXT_DISABLE=u,v``).

| id | fixes                                                                           | level   |
|----|---------------------------------------------------------------------------------|---------|
| u  | CloudWatch in Smithy RPC v2 CBOR (what the Java SDK sends since 2.40.6): HTTP 404 | server  |
| v  | an endpoint's CreationTimestamp is always "now": a test cannot age an endpoint  | model   |

Patch u translates: the CBOR request becomes the AWS JSON 1.0 request moto serves (botocore's own
CBOR parser and JSON serializer, with CloudWatch's service model), and moto's JSON answer becomes
CBOR (botocore's CBOR serializer, the operation's output shape; errors as ``__type`` and
``message``). Patch v is test-only input, not an AWS behaviour: a ``CreateVpcEndpoint`` tag
``moto-ext:creation-timestamp`` (ISO 8601) sets the endpoint's creation time and is not kept.
"""

from __future__ import annotations

import datetime
import functools
import io
import json
from typing import Any, Callable

import botocore.session
from botocore.parsers import BaseCBORParser, create_parser
from botocore.serialize import CBORSerializer, create_serializer
from moto.ec2.models.vpcs import VPCBackend
from moto.moto_server.werkzeug_app import DomainDispatcherApplication

from patches_common import enabled

CBOR_PREFIX = "/service/GraniteServiceVersion20100801/operation/"
AGE_TAG = "moto-ext:creation-timestamp"

_CLOUDWATCH = botocore.session.get_session().get_service_model("cloudwatch")
_CBOR_PARSER = BaseCBORParser()
_JSON_REQUEST = create_serializer("json")
_JSON_RESPONSE = create_parser("json")


class _CborWriter(CBORSerializer):
    """botocore's CBOR encoder, driven by a shape (timestamps tagged 1, as AWS sends them)."""

    TIMESTAMP_FORMAT = "unixtimestamp"

    def encode(self, value: Any, shape: Any) -> bytes:
        out = bytearray()
        self._serialize_data_item(out, value, shape)
        return bytes(out)

    def encode_error(self, code: str, message: str) -> bytes:
        out = bytearray()
        out.extend(self._get_initial_byte(self.MAP_MAJOR_TYPE, 2))
        for text in ("__type", code, "message", message):
            data = text.encode("utf-8")
            additional, size = self._get_additional_info_and_num_bytes(len(data))
            out.extend(self._get_initial_byte(self.STRING_MAJOR_TYPE, additional))
            if size:
                out.extend(len(data).to_bytes(size, "big"))
            out.extend(data)
        return bytes(out)


_WRITER = _CborWriter()


def _cbor_call(app: Callable[..., Any], environ: dict[str, Any], start_response: Any) -> list[bytes]:
    operation = _CLOUDWATCH.operation_model(environ["PATH_INFO"][len(CBOR_PREFIX):])
    length = int(environ.get("CONTENT_LENGTH") or 0)
    raw = environ["wsgi.input"].read(length) if length else b""
    params = _CBOR_PARSER.parse_data_item(_CBOR_PARSER.get_peekable_stream_from_bytes(raw)) if raw else {}
    request = _JSON_REQUEST.serialize_to_request(params or {}, operation)
    body = request["body"] if isinstance(request["body"], bytes) else request["body"].encode("utf-8")
    forwarded = dict(environ)
    forwarded.update({
        "PATH_INFO": "/", "REQUEST_METHOD": "POST", "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/x-amz-json-1.0", "wsgi.input": io.BytesIO(body),
        "HTTP_X_AMZ_TARGET": "GraniteServiceVersion20100801." + operation.name,
    })
    captured: dict[str, Any] = {}

    def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        captured["status"] = status
        return lambda _data: None

    answer = b"".join(app(forwarded, capture))
    status = captured["status"]
    if status.startswith("2"):
        parsed = _JSON_RESPONSE.parse({"status_code": 200, "headers": {}, "body": answer}, operation.output_shape)
        parsed.pop("ResponseMetadata", None)
        out = _WRITER.encode(parsed, operation.output_shape) if operation.output_shape else b"\xa0"
    else:
        error = json.loads(answer or b"{}")
        code = str(error.get("__type", "InternalFailure")).split("#")[-1]
        out = _WRITER.encode_error(code, str(error.get("message", error.get("Message", ""))))
    start_response(status, [("Content-Type", "application/cbor"), ("smithy-protocol", "rpc-v2-cbor"),
                            ("Content-Length", str(len(out)))])
    return [out]


_original_dispatch = DomainDispatcherApplication.__call__


@functools.wraps(_original_dispatch)
def dispatch(self: Any, environ: dict[str, Any], start_response: Any) -> Any:
    # Patch u. moto serves CloudWatch in the Query and JSON 1.0 protocols only (getmoto/moto#9195).
    if enabled("u") and environ.get("PATH_INFO", "").startswith(CBOR_PREFIX):
        return _cbor_call(lambda env, respond: _original_dispatch(self, env, respond), environ, start_response)
    return _original_dispatch(self, environ, start_response)


def aged(create_endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """moto's CreateVpcEndpoint model call (maybe already wrapped by other patches), with patch v."""

    @functools.wraps(create_endpoint)
    def create_vpc_endpoint(self: Any, *args: Any, **kwargs: Any) -> Any:
        # Patch v. Test input only: AWS stamps the time itself, moto stamps "now", and the idle
        # rules need endpoints older than a window of days.
        tags = kwargs.get("tags")
        created_at = tags.pop(AGE_TAG, None) if enabled("v") and isinstance(tags, dict) else None
        endpoint = create_endpoint(self, *args, **kwargs)
        if created_at is not None:
            when = datetime.datetime.fromisoformat(created_at.replace("Z", "+00:00"))
            endpoint.creation_timestamp = when.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return endpoint

    return create_vpc_endpoint


def install() -> None:
    DomainDispatcherApplication.__call__ = dispatch
    VPCBackend.create_vpc_endpoint = aged(VPCBackend.create_vpc_endpoint)
