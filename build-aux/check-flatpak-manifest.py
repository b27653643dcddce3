#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks Tayori's own Flatpak policy, which flatpak-builder --show-manifest does not: ids agree with
# the desktop file and metainfo, narrow finish-args, every download pinned, the preset extension point.
"""Usage: check-flatpak-manifest.py SOURCE_ROOT MANIFEST.json"""

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# Exactly these: no file system access (the file chooser portal is used), no D-Bus names.
FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
    "--share=network",
}
PRESET_EXTENSION = "preset"
HEX64 = re.compile(r"^[0-9a-f]{64}$")
HEX40 = re.compile(r"^[0-9a-f]{40}$")


class Checker:
    def __init__(self, root: Path, manifest_path: Path):
        self.root = root
        self.manifest_path = manifest_path
        self.errors: list[str] = []
        self.app_id, self.launchable, self.release_version = self.read_metainfo()

    def fail(self, message: str) -> None:
        self.errors.append(f"{self.manifest_path.name}: {message}")

    def read_metainfo(self) -> tuple[str, str, str]:
        """The component id, the launchable desktop id and the newest release version."""
        metainfo = next(self.root.glob("data/*.metainfo.xml.in"))
        tree = ET.parse(metainfo).getroot()
        release = tree.find("releases/release")
        return (tree.findtext("id", ""),
                tree.findtext("launchable[@type='desktop-id']", ""),
                release.get("version", "") if release is not None else "")

    def meson_options(self) -> set[str]:
        options = self.root / "meson_options.txt"
        if not options.exists():
            return set()
        return set(re.findall(r"option\(\s*'([^']+)'", options.read_text(encoding="utf-8")))

    def load_modules(self, modules: list, base: Path) -> list[dict]:
        """Flattens the module tree, loading modules given as file names relative to @base."""
        loaded = []
        for module in modules:
            if isinstance(module, str):
                path = base / module
                if not path.exists():
                    self.fail(f"module file {module} does not exist")
                    continue
                module_base = path.parent
                module = json.loads(path.read_text(encoding="utf-8"))
            else:
                module_base = base
            loaded.append(module)
            loaded.extend(self.load_modules(module.get("modules", []), module_base))
        return loaded

    def check_ids(self, manifest: dict) -> str:
        app_id, launchable = self.app_id, self.launchable
        manifest_id = manifest.get("id") or manifest.get("app-id") or ""
        desktop_in = self.root / "data" / f"{app_id}.desktop.in"

        if launchable != f"{app_id}.desktop":
            self.fail(f"metainfo launchable {launchable!r} is not {app_id}.desktop")
        if not desktop_in.exists():
            self.fail(f"no desktop file data/{app_id}.desktop.in for metainfo id {app_id}")
        elif f"Icon={app_id}\n" not in desktop_in.read_text(encoding="utf-8"):
            self.fail(f"desktop file Icon is not {app_id}")
        if not (self.root / "data/icons/hicolor/scalable/apps" / f"{app_id}.svg").exists():
            self.fail(f"no scalable icon data/icons/hicolor/scalable/apps/{app_id}.svg")

        if manifest_id == app_id:
            for key in ("rename-desktop-file", "rename-appdata-file", "rename-icon"):
                if key in manifest:
                    self.fail(f"release manifest must not use {key}")
            return "release"
        if manifest_id == f"{app_id}.Devel":
            expected = {
                "rename-desktop-file": f"{app_id}.desktop",
                "rename-appdata-file": f"{app_id}.metainfo.xml",
                "rename-icon": app_id,
            }
            for key, value in expected.items():
                if manifest.get(key) != value:
                    self.fail(f"{key} is {manifest.get(key)!r}, expected {value!r}")
            return "devel"
        self.fail(f"app id {manifest_id!r} is neither {app_id} nor {app_id}.Devel")
        return "unknown"

    def check_runtime(self, manifest: dict) -> None:
        if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
            self.fail("runtime/sdk must be org.gnome.Platform/org.gnome.Sdk (WebKitGTK 6.0 comes from it)")
        if not re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))):
            self.fail("runtime-version must be a stable GNOME release number")
        if manifest.get("command") != "tayori":
            self.fail(f"command is {manifest.get('command')!r}, expected 'tayori'")

    def check_finish_args(self, manifest: dict) -> None:
        finish_args = manifest.get("finish-args", [])
        for arg in finish_args:
            if arg not in FINISH_ARGS:
                self.fail(f"finish-arg {arg} is outside the allow-list {sorted(FINISH_ARGS)}")
        for arg in sorted(FINISH_ARGS - set(finish_args)):
            self.fail(f"finish-arg {arg} is missing")

    def check_extension(self, manifest: dict) -> None:
        app_id = self.app_id
        extension = manifest.get("add-extensions", {}).get(f"{app_id}.Preset")
        if extension is None:
            self.fail(f"add-extensions lacks {app_id}.Preset")
            return
        if extension.get("directory") != PRESET_EXTENSION:
            self.fail(f"{app_id}.Preset must mount at /app/{PRESET_EXTENSION}")
        for key in ("no-autodownload", "autodelete"):
            if extension.get(key) is not True:
                self.fail(f"{app_id}.Preset must set {key}: true")

    def check_sources(self, modules: list[dict], flavour: str) -> None:
        options = self.meson_options()
        release_version = self.release_version
        for module in modules:
            name = module.get("name", "?")
            for command in module.get("post-install", []):
                for path in re.findall(r"\$FLATPAK_BUILDER_BUILDDIR/([^\"' ]+)", command):
                    if not (self.root / path).exists():
                        self.fail(f"module {name}: post-install uses {path}, which does not exist")
            if module.get("buildsystem") == "meson":
                for opt in module.get("config-opts", []):
                    match = re.match(r"-D([^=]+)=", opt)
                    if match and options and match.group(1) not in options:
                        self.fail(f"module {name}: {opt} names no option in meson_options.txt")
            for source in module.get("sources", []):
                kind = source.get("type")
                for url in [source.get("url", "")] + source.get("mirror-urls", []):
                    if url and not url.startswith("https://"):
                        self.fail(f"module {name}: {url} is not https")
                if kind in ("archive", "file") and "url" in source:
                    if not HEX64.match(source.get("sha256", "")):
                        self.fail(f"module {name}: {kind} source without a sha256")
                elif kind == "git":
                    if not HEX40.match(source.get("commit", "")):
                        self.fail(f"module {name}: git source without a full commit hash")
                    if name == "tayori" and flavour == "release" and release_version \
                            and source.get("tag") != f"v{release_version}":
                        self.fail(f"module {name}: tag {source.get('tag')!r} is not v{release_version}, "
                                  "the newest release in the metainfo")
                elif kind == "dir":
                    if flavour != "devel":
                        self.fail(f"module {name}: dir sources belong in the .Devel manifest only")
                elif kind not in ("patch", "shell", "script"):
                    self.fail(f"module {name}: source type {kind!r} is not allowed")

    def run(self) -> bool:
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            self.fail(f"cannot read: {e}")
            return False
        flavour = self.check_ids(manifest)
        self.check_runtime(manifest)
        self.check_finish_args(manifest)
        self.check_extension(manifest)
        modules = self.load_modules(manifest.get("modules", []), self.manifest_path.parent)
        if not any(m.get("name") == "tayori" for m in modules):
            self.fail("no module named tayori")
        self.check_sources(modules, flavour)
        return not self.errors


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    checker = Checker(Path(sys.argv[1]), Path(sys.argv[2]))
    ok = checker.run()
    for error in checker.errors:
        print(error, file=sys.stderr)
    print(f"{checker.manifest_path.name}: {'ok' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
