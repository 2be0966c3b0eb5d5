"""``python -m claimlint``: runs the ``claimlint`` command the wheel installs beside Python."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig


def find_claimlint_bin() -> str:
    """The path of the installed ``claimlint`` executable."""
    name = "claimlint" + (sysconfig.get_config_var("EXE") or "")
    candidates = [
        os.path.join(sysconfig.get_path("scripts"), name),
        os.path.join(sysconfig.get_path("scripts", f"{os.name}_user"), name),
        os.path.join(os.path.dirname(sys.executable), name),
    ]
    for candidate in candidates:
        if os.path.isfile(candidate):
            return candidate
    found = shutil.which("claimlint")
    if found:
        return found
    raise FileNotFoundError("the claimlint executable is not installed beside this Python")


def main() -> int:
    executable = find_claimlint_bin()
    if sys.platform == "win32":
        return subprocess.call([executable, *sys.argv[1:]])
    os.execv(executable, [executable, *sys.argv[1:]])
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
