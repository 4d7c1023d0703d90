"""The pre-commit hooks: the manifest, the entries as commands, and a real
pre-commit run on a content folder."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pre_commit.clientlib import load_manifest
from pre_commit.constants import VERSION as PRE_COMMIT_VERSION

from cleaner.cli import main

ROOT = Path(__file__).parents[1]
SEED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.txt"


def _hooks() -> dict[str, dict[str, object]]:
    # pre-commit's own loader validates the manifest as pre-commit will.
    return {hook["id"]: hook for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3])


def test_manifest_declares_check_and_fix() -> None:
    hooks = _hooks()
    assert sorted(hooks) == ["cleaner-check", "cleaner-fix"]
    assert hooks["cleaner-check"]["entry"] == "cleaner check --force-exclude"
    assert hooks["cleaner-fix"]["entry"] == "cleaner fix --force-exclude --exit-nonzero-on-fix"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["text"]
        assert hook["require_serial"] is True
        assert {"pre-commit", "manual"} <= set(hook["stages"])  # type: ignore[arg-type]
        minimum = str(hook["minimum_pre_commit_version"])
        assert _version("3.2.0") <= _version(minimum) <= _version(PRE_COMMIT_VERSION)
    # A fix after the commits are made would change files the push leaves behind.
    assert "pre-push" not in hooks["cleaner-fix"]["stages"]  # type: ignore[operator]


def test_entries_run_as_the_hook_runs_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each entry with the file names pre-commit appends, through ``main(argv)``."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("Some  text ,here.\n")
    (tmp_path / "tool.py").write_text("x  =  f(a ,b)\n")
    names = ["page.md", "tool.py"]
    hooks = _hooks()

    def argv(hook: str) -> list[str]:
        return shlex.split(str(hooks[hook]["entry"]))[1:] + names

    assert main(argv("cleaner-check")) == 1
    assert (tmp_path / "page.md").read_text() == "Some  text ,here.\n"
    assert main(argv("cleaner-fix")) == 1  # it changed a file: the hook fails
    assert (tmp_path / "page.md").read_text() == "Some text, here.\n"
    assert (tmp_path / "tool.py").read_text() == "x  =  f(a ,b)\n"  # code: never read
    assert main(argv("cleaner-check")) == 0
    assert main(argv("cleaner-fix")) == 0  # nothing left to change


# --- the real framework -----------------------------------------------------

GUIDE = """\
# Setup  guide

Install the tool ,then run it.

```python
def spel_chek(wrod):
    retrun  wrod ,None
```

See https://example.com/a,b;c?x=1.Then for details, or run `cleaner  check ,now` in a shell.
"""
# Written by hand from GUIDE: the heading's double space and the space before
# the comma go; the fence, the URL and the code span stay as they are.
GUIDE_FIXED = GUIDE.replace("# Setup  guide", "# Setup guide").replace("tool ,then", "tool, then")
CODE = "def f(a ,b):\n    return  a\n"
DATA = "key:  value ,x\n"


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=cwd, check=True, capture_output=True,
    )  # fmt: skip


def _snapshot(target: Path) -> Path:
    """This repository as its working tree stands, committed in a repository of its own.

    ``pre-commit try-repo`` on a dirty tree commits a snapshot with
    ``git add -u``, which leaves untracked files out: a module not committed
    yet would be missing from the hook's install. So try-repo is handed a
    commit of the tracked and untracked files (less what .gitignore ignores).
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=False,
    )  # fmt: skip
    if listed.returncode != 0:
        pytest.skip("not a git checkout: nothing for pre-commit to clone")
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():  # tracked but deleted files are gone
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git("init", "-q", cwd=target)
    _git("add", "-A", cwd=target)
    _git("commit", "-q", "-m", "snapshot", cwd=target)
    return target


def _try_repo(
    hook_repo: Path, hook: str, content: Path, env: dict[str, str], *files: str
) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--verbose"]
    if files:
        args += ["--files", *files]
    return subprocess.run(args, cwd=content, env=env, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_real_pre_commit_checks_then_fixes_a_content_folder(tmp_path: Path) -> None:
    hook_repo = _snapshot(tmp_path / "hook-repo")
    content = tmp_path / "site"
    (content / "docs").mkdir(parents=True)
    _git("init", "-q", cwd=content)
    seed = SEED.read_bytes()
    (content / "docs" / "seed.md").write_bytes(seed)
    (content / "docs" / "guide.md").write_text(GUIDE)
    (content / "tool.py").write_text(CODE)
    (content / "settings.yaml").write_text(DATA)
    files = ["docs/seed.md", "docs/guide.md", "tool.py", "settings.yaml"]
    # The files are neither committed nor staged: --files names them directly.
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("PRE_COMMIT", None)

    check = _try_repo(hook_repo, "cleaner-check", content, env, *files)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "docs/seed.md:1:1: spacing.leading-space" in check.stdout
    assert 'docs/guide.md:1:8: spacing.double-space: "  " -> " "' in check.stdout
    assert 'docs/guide.md:3:17: spacing.space-before-punctuation: " ," -> ", "' in check.stdout
    guide_lines = {
        int(line.split(":")[1]) for line in check.stdout.splitlines()
        if line.startswith("docs/guide.md:")
    }  # fmt: skip
    assert guide_lines == {1, 3}  # nothing in the fence, the URL or the code span
    assert "tool.py" not in check.stdout and "settings.yaml" not in check.stdout
    assert (content / "docs" / "seed.md").read_bytes() == seed
    assert (content / "docs" / "guide.md").read_text() == GUIDE

    fix = _try_repo(hook_repo, "cleaner-fix", content, env, *files)
    # The files are untracked, so pre-commit cannot see that they changed:
    # the hook's own exit code fails the run.
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert "Fixing docs/seed.md\nFixing docs/guide.md\n" in fix.stdout
    assert "tool.py" not in fix.stdout and "settings.yaml" not in fix.stdout
    assert (content / "docs" / "guide.md").read_text() == GUIDE_FIXED
    # The seed as Markdown comes out exactly as `cleaner fix -` makes it.
    piped = subprocess.run(
        [sys.executable, "-m", "cleaner", "fix", "-"], input=seed, capture_output=True,
        cwd=tmp_path, check=True,
    )  # fmt: skip
    assert (content / "docs" / "seed.md").read_bytes() == piped.stdout
    assert (content / "tool.py").read_text() == CODE
    assert (content / "settings.yaml").read_text() == DATA

    again = _try_repo(hook_repo, "cleaner-check", content, env, *files)
    assert again.returncode == 0, again.stdout + again.stderr

    # As on a commit: no --files, pre-commit passes the staged files, and
    # sees for itself that the hook changed one.
    _git("add", "-A", cwd=content)
    (content / "docs" / "late.txt").write_text("Added  late.\n")
    _git("add", "docs/late.txt", cwd=content)
    staged = _try_repo(hook_repo, "cleaner-fix", content, env)
    assert staged.returncode == 1, staged.stdout + staged.stderr
    assert "files were modified by this hook" in staged.stdout
    assert "Fixing docs/late.txt\n" in staged.stdout
    assert "Fixing docs/guide.md" not in staged.stdout
    assert (content / "docs" / "late.txt").read_text() == "Added late.\n"
