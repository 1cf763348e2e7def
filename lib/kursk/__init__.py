"""kursk: helpers for the kursk-notebooks analysis of reporting on North Korean troops in Kursk.

Data flow: load (``articles``, ``data``) -> extract (``claims``, ``entities``, ``geo``)
-> combine (``sources``) -> chart/map (``charts``) -> export (``charts.save``, ``report``).
"""

from kursk.paths import project_root

__version__ = "0.1.0"
__all__ = ["project_root", "__version__"]
