"""The package name and version become URL and file path parts (data/<name>/<version>/): keep them safe."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...problems import Code, Problem

UNSAFE_NAME = Code(
    "unsafe-name",
    "Name unsafe in an address",
    "the {kind} name {name!r} cannot be part of a download {part}",
    "use lower-case letters, digits, hyphens and underscores, e.g. special-crackdown-2024 for a package, observations "
    "for a resource",
    "영문 소문자·숫자·하이픈·밑줄만 씁니다 (예: 패키지는 special-crackdown-2024, 리소스는 observations)",
    dict(file="datapackage.json", field="name", kind="package", name="Crackdown 2024", part="address"),
)
BAD_VERSION = Code(
    "bad-version",
    "Version not MAJOR.MINOR.PATCH",
    "the version {version!r} is not of the form MAJOR.MINOR.PATCH",
    'set "version" to e.g. "1.0.0"; raise it whenever a published figure changes',
    '"version"을 "1.0.0"처럼 숫자 세 개로 쓰고, 공표한 수치가 바뀔 때마다 올립니다',
    dict(file="datapackage.json", field="version", version="1.0"),
)

NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")
VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / "datapackage.json")
    name = dataset.descriptor.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        yield UNSAFE_NAME.at(path, None, "name", kind="package", name=name, part="address")
    version = dataset.descriptor.get("version")
    if not isinstance(version, str) or not VERSION.fullmatch(version):
        yield BAD_VERSION.at(path, None, "version", version=version)
    for resource in dataset.descriptor.get("resources", []):
        if not NAME.fullmatch(str(resource.get("name", ""))):
            yield UNSAFE_NAME.at(
                path, None, "resources.name", kind="resource", name=resource.get("name"), part="file name"
            )
