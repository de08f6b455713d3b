"""The OpenAPI 3.0 description of the hub's desk API (``GET /api/v1/openapi.json``).

Written by hand so that it says what the API really does (the endpoints are plain
Starlette routes in :mod:`counterdesk.hub.app`); ``tests/hub/test_api_schema.py`` checks
that every route under ``/api/v1`` is described here and the other way round, and
fuzzes the API from this description.

Every desk call carries one bundle signed by the desk (Ed25519, the key the hub pinned
at enrolment, or at first contact an ``intro`` bundle signed by the enrollment key) and
encrypted to the hub: the body is the authentication, so there is no security scheme
and no header to forge. Nothing is JSON on the way in, so there are no JSON fields to
get wrong; what can be wrong is the body (its size, its media type, its bytes), the
address and the query string, and all of those get a 4xx with a JSON reason.
"""

from __future__ import annotations

from typing import Any

API_PREFIX = "/api/v1"
BUNDLE_MEDIA_TYPE = "application/octet-stream"

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Why the request was refused: a sentence for the person at the desk, "
    "and a short code for programs.",
    "required": ["error", "code"],
    "properties": {
        "error": {"type": "string", "description": "the reason, in English"},
        "code": {"type": "string", "description": "e.g. too_large, unreadable, http_404"},
    },
    "additionalProperties": False,
}

_REFUSALS: dict[str, str] = {
    "400": "Malformed: empty, truncated, damaged or wrongly addressed bundle; a bad "
    "Content-Length; a query parameter (none is accepted).",
    "403": "The bundle's key or desk is not accepted (unknown desk, revoked or wrong key, "
    "bad signature); the body is kept in quarantine when the sender is an enrolled desk.",
    "404": "No such address.",
    "409": "This bundle id was received before with other content (an alarm at the hub).",
    "413": "The body is larger than the limit of the operation, or the bundle declares a "
    "payload larger than the hub accepts.",
    "415": f"The Content-Type is not {BUNDLE_MEDIA_TYPE}.",
    "503": "The hub's database is busy or unavailable; the desk retries later.",
}


def _error(status: str) -> dict[str, Any]:
    return {
        "description": _REFUSALS[status],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _json(description: str, ref: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


def _bundle_body(description: str, limit: int) -> dict[str, Any]:
    return {
        "required": True,
        "description": f"{description} At most {limit} bytes.",
        "content": {
            BUNDLE_MEDIA_TYPE: {
                "schema": {"type": "string", "format": "binary", "maxLength": limit}
            }
        },
        "x-max-bytes": limit,
    }


def _refusals(*statuses: str) -> dict[str, Any]:
    return {status: _error(status) for status in statuses}


def openapi_description(
    *, max_bundle_body: int, max_hello_body: int, max_payload: int
) -> dict[str, Any]:
    """The description, with the size limits the running hub enforces."""
    b64 = {"type": "string", "format": "byte", "description": "a signed hub bundle, base64"}
    epoch = {
        "type": "object",
        "required": ["epoch", "first_seq", "contiguous", "contiguous_hash", "max_seq", "gaps"],
        "properties": {
            "epoch": {"type": "string"},
            "first_seq": {"type": "integer", "nullable": True},
            "contiguous": {"type": "integer"},
            "contiguous_hash": {"type": "string"},
            "max_seq": {"type": "integer"},
            "gaps": {
                "type": "array",
                "items": {
                    "type": "array",
                    "items": {"type": "integer"},
                    "minItems": 2,
                    "maxItems": 2,
                },
            },
        },
    }
    schemas: dict[str, Any] = {
        "Error": ERROR_SCHEMA,
        "Info": {
            "type": "object",
            "required": ["api", "hub", "district"],
            "properties": {
                "api": {"type": "integer", "enum": [1]},
                "hub": {"type": "string"},
                "district": {"type": "string"},
            },
        },
        "Hello": {
            "type": "object",
            "required": ["hub", "district", "desk", "ack", "epochs", "max_bundle_bytes"],
            "properties": {
                "hub": {"type": "string"},
                "district": {"type": "string"},
                "desk": {"type": "string"},
                "ack": b64,
                "epochs": {"type": "array", "items": epoch},
                "max_bundle_bytes": {"type": "integer"},
            },
        },
        "Upload": {
            "type": "object",
            "required": ["result", "desk", "new_events", "known_events", "first_contact"],
            "properties": {
                "result": {"type": "string", "enum": ["accepted", "duplicate"]},
                "desk": {"type": "string"},
                "new_events": {"type": "integer", "minimum": 0},
                "known_events": {"type": "integer", "minimum": 0},
                "first_contact": {"type": "boolean"},
            },
        },
        "Replies": {
            "type": "object",
            "required": ["bundles"],
            "properties": {"bundles": {"type": "array", "items": b64}},
        },
    }
    desk_call = ("400", "403", "413", "415", "503")
    paths: dict[str, Any] = {
        f"{API_PREFIX}/": {
            "get": {
                "operationId": "info",
                "summary": "Who this hub is (no authentication, no personal data)",
                "responses": {"200": _json("The hub's code and district.", "Info")}
                | _refusals("400"),
            }
        },
        f"{API_PREFIX}/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This description",
                "responses": {
                    "200": {
                        "description": "The OpenAPI description of the desk API.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                }
                | _refusals("400"),
            }
        },
        f"{API_PREFIX}/hello": {
            "post": {
                "operationId": "hello",
                "summary": "A desk says hello; learns what the hub holds of it (old desks)",
                "requestBody": _bundle_body("A hello bundle signed by the desk.", max_hello_body),
                "responses": {
                    "200": _json("The hub's signed acknowledgement and high-water marks.", "Hello")
                }
                | _refusals(*desk_call),
            }
        },
        f"{API_PREFIX}/bundles/{{bundle_id}}": {
            "put": {
                "operationId": "upload",
                "summary": "Upload one events bundle; its id is the idempotency key (old desks)",
                "parameters": [
                    {
                        "name": "bundle_id",
                        "in": "path",
                        "required": True,
                        "description": "The id in the bundle's header: 32 lowercase hex.",
                        "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
                    }
                ],
                "requestBody": _bundle_body(
                    "An events bundle signed by the desk (or an intro wrapping one), whose "
                    f"declared payload is at most {max_payload} bytes.",
                    max_bundle_body,
                ),
                "responses": {"200": _json("Stored now, or already held (a re-send).", "Upload")}
                | _refusals(*desk_call, "404", "409"),
            }
        },
        f"{API_PREFIX}/replies": {
            "post": {
                "operationId": "replies",
                "summary": "Fetch acknowledgements and reference data (old desks)",
                "requestBody": _bundle_body(
                    "A hello bundle signed by the desk, saying which reference data it has.",
                    max_hello_body,
                ),
                "responses": {"200": _json("The hub's signed reply bundles.", "Replies")}
                | _refusals(*desk_call),
            }
        },
        f"{API_PREFIX}/exchange": {
            "post": {
                "operationId": "exchange",
                "summary": "One desk bundle in, the hub's replies out (what desks use now)",
                "requestBody": _bundle_body(
                    "One events or hello bundle signed by the desk (or an intro wrapping "
                    f"one), whose declared payload is at most {max_payload} bytes.",
                    max_bundle_body,
                ),
                "responses": {
                    "200": {
                        "description": "The hub's signed bundles back to back: the "
                        "acknowledgement first, then reference data when the desk is behind.",
                        "content": {
                            BUNDLE_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}
                        },
                    }
                }
                | _refusals(*desk_call, "409"),
            }
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "counterdesk district hub: desk API",
            "version": "1",
            "description": (
                "How service-counter desks send their event bundles to the district hub "
                "and fetch acknowledgements and reference data. Every desk call's body is "
                "one bundle signed by the desk and encrypted to the hub: the body is the "
                "authentication. No query parameters are accepted. Every refusal is JSON "
                '{"error": reason, "code": code} with a 4xx status (503 when the hub\'s '
                "database is busy; the desk retries); a method an address does not take "
                "gets 405 with an Allow header, an unknown address 404."
            ),
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
