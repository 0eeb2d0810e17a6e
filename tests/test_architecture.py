"""The house rules of the package: the pipeline folders import only the stages below them."""
import ast
import pathlib

import renja_xl

PACKAGE = pathlib.Path(renja_xl.__file__).parent
# each folder and what it may import (besides itself); the top modules may import anything
ALLOWED = {
    "report": set(),
    "read": {"report"},
    "tables": {"report", "read"},
    "validate": {"report", "read", "tables"},
    "reconcile": {"report", "read", "tables", "validate"},
    "write": {"report", "read", "tables", "validate", "reconcile"},
}


def _imports(path: pathlib.Path) -> set[str]:
    """The renja_xl modules one module imports (dotted, without the package name)."""
    module = path.relative_to(PACKAGE).with_suffix("").parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(module[:len(module) - node.level])
            found.add(".".join(base + ([node.module] if node.module else [])))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("renja_xl."):
            found.add(node.module.split(".", 1)[1])
    return found


def test_folders_import_only_the_stages_below():
    wrong = []
    for folder, allowed in ALLOWED.items():
        assert (PACKAGE / folder / "__init__.py").read_text("utf-8").strip(), folder
        for path in (PACKAGE / folder).glob("*.py"):
            for target in _imports(path):
                top = target.split(".")[0]
                if top in ALLOWED and top != folder and top not in allowed:
                    wrong.append(f"{path.relative_to(PACKAGE)} imports {target}")
    assert wrong == []


def test_no_import_circles():
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        graph[name.removesuffix(".__init__")] = {t.removesuffix(".__init__") for t in _imports(path)}
    seen, stack, circles = set(), [], []

    def visit(node):
        if node in stack:
            circles.append(stack[stack.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target in graph:
                visit(target)
        stack.pop()

    for node in sorted(graph):
        visit(node)
    assert circles == []
