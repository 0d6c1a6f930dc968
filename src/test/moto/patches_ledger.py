"""Patch t: DynamoDB's conditional writes, one at a time (moto 5.2.1).

moto_server answers each request on its own thread, and its DynamoDB backend checks a write's
condition and then stores the item with no lock in between: two concurrent ``PutItem`` calls with
``attribute_not_exists(pk)`` on one key can both succeed. AWS applies a conditional write to one
item atomically, so exactly one succeeds and the other gets ``ConditionalCheckFailedException``.
The ledger's claim (one environment tells a notice) and its incident writes (optimistic, by
revision) depend on that. This patch runs every DynamoDB write under the write lock of patch k
(``patches_common``); reads are not locked. ``MOTO_EXT_DISABLE=t`` switches it off.
"""

from __future__ import annotations

from moto.dynamodb.models import DynamoDBBackend

from patches_common import one_at_a_time

WRITES = ("put_item", "update_item", "delete_item", "transact_write_items", "batch_write_item")


def install() -> None:
    for name in WRITES:
        original = getattr(DynamoDBBackend, name, None)
        if original is not None:
            setattr(DynamoDBBackend, name, one_at_a_time(original, "t"))
