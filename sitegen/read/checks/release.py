"""The package name and version become URL and file path parts (data/<name>/<version>/): keep them safe."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...problems import Problem
from ...codes import Code

CODES = {
    "unsafe-name": Code("datapackage.json:name: the package name 'Crackdown 2024' cannot be part of a download address",
                        "Use lower-case letters, digits and hyphens (e.g. special-crackdown-2024); a resource name may also use _.",
                        "영문 소문자·숫자·하이픈만 씁니다 (예: special-crackdown-2024). 리소스 이름에는 _도 쓸 수 있습니다."),
    "bad-version": Code("datapackage.json:version: the version '1.0' is not of the form MAJOR.MINOR.PATCH",
                        'Set "version" to three numbers, e.g. "1.0.0".', '"version"을 숫자 세 개로 씁니다 (예: "1.0.0").'),
}

NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")
VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / "datapackage.json")
    name = dataset.descriptor.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        yield Problem(path, None, "name", "unsafe-name", f"the package name {name!r} cannot be part of a download address",
                      "use lower-case letters, digits and hyphens, e.g. special-crackdown-2024")
    version = dataset.descriptor.get("version")
    if not isinstance(version, str) or not VERSION.fullmatch(version):
        yield Problem(path, None, "version", "bad-version", f"the version {version!r} is not of the form MAJOR.MINOR.PATCH",
                      'set "version" to e.g. "1.0.0"; raise it whenever a published figure changes')
    for resource in dataset.descriptor.get("resources", []):
        if not NAME.fullmatch(str(resource.get("name", ""))):
            yield Problem(path, None, "resources.name", "unsafe-name",
                          f"the resource name {resource.get('name')!r} cannot be part of a download file name",
                          "use lower-case letters, digits, hyphens and underscores, e.g. observations")
