#!/usr/bin/env python3
"""Transforms a SAM template into plain CloudFormation offline, as `sam deploy` would have AWS do.

Usage: transform-template.py TEMPLATE OUT.json
Prints the number of resources of the result. Exit 1 when the SAM translator rejects the template.
The code location becomes an s3:// URI (what `sam package` writes); parameters without a default get a
placeholder that satisfies their AllowedPattern, so the transform sees every condition and reference.
"""
import json
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "eu-central-1")

from samtranslator.model.exceptions import InvalidDocumentException  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

PLACEHOLDERS = {
    "JwtIssuer": "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_example",
    "JwtAudience": "example-client-id",
}


class NoManagedPolicies:
    """The translator asks for AWS managed policy ARNs only when a template names one; Baton names none."""

    def load(self):
        return {}


def main(source, target):
    with open(source, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    template.setdefault("Globals", {}).setdefault("Function", {})["CodeUri"] = "s3://baton-artifacts/function.zip"
    try:
        result = transform(template, PLACEHOLDERS, NoManagedPolicies())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print(f"SAM transform: {cause.message}", file=sys.stderr)
        return 1
    with open(target, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print(len(result.get("Resources", {})))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
