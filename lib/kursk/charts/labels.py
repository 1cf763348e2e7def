"""Labels beside markers, placed where they overlap least: the one label placer of every chart
and map (used by :mod:`kursk.charts.maps` and :mod:`kursk.charts.timelines`)."""

from __future__ import annotations

import math

from matplotlib.transforms import Bbox

CONNECTOR = {"color": "#555555", "linewidth": 0.6, "zorder": 8}


#: Where a label may stand beside its marker, in order of preference: right, left (level, then
#: its top or its bottom level with the marker's centre), above, below, then the corners, at
#: each gap of :data:`LABEL_REACH`.
LABEL_SLOTS = ((1, 0), (-1, 0), (1, -0.5), (1, 0.5), (-1, -0.5), (-1, 0.5), (0, 1), (0, -1),
               (1, 1), (1, -1), (-1, 1), (-1, -1))
LABEL_REACH = (3, 13, 26, 40)  # gaps in points; labels further out get a connector


def place_labels(ax, texts: list, markers: list[Bbox], avoid: list[Bbox], *,
                 margin: float = 6, rounds: int = 4) -> None:
    """Each text put in a slot beside its marker (display boxes, in the same order): inside the
    axes, off ``avoid``, off the other labels and ``margin`` points off every other marker (a
    marker counts four times an other box), the earliest slot that overlaps least. The largest
    markers are placed first, then each label is placed again among the others for up to
    ``rounds`` rounds. A label set off from its marker, or nearer another marker than its own,
    gets a thin connector. Deterministic, and the same at any resolution."""
    renderer = ax.figure.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    px = ax.figure.dpi / 72  # points to pixels
    margin *= px
    pads = [m.padded(margin) for m in markers]
    order = sorted(range(len(texts)), key=lambda i: -markers[i].width)  # stable: ties keep order
    slots = {i: _slots(texts[i].get_window_extent(renderer), markers[i], px) for i in order}
    chosen: dict[int, tuple] = {}
    for _ in range(rounds):
        moved = False
        for i in order:
            others = [chosen[j][0] for j in chosen if j != i]
            near = [p for k, p in enumerate(pads) if k != i]

            def cost(slot, others=others, near=near):
                box = slot[0]
                clash = sum(_overlap(box, b) for b in (*avoid, *others)) + 4 * sum(
                    _overlap(box, b) for b in near)
                out = not (inside.contains(box.x0, box.y0) and inside.contains(box.x1, box.y1))
                return clash + out * box.width * box.height

            best = min(slots[i], key=cost)  # the earliest of the least overlapping
            moved |= chosen.get(i) is not best
            chosen[i] = best
        if not moved:
            break
    to_data = ax.transData.inverted()
    for i in order:
        box, gap, dx = chosen[i]
        mark, text = markers[i], texts[i]
        text.set_horizontalalignment("left")
        text.set_verticalalignment("bottom")
        text.set_position(to_data.transform((box.x0, box.y0)))
        text.set_multialignment({1: "left", 0: "center", -1: "right"}[dx])
        if gap > LABEL_REACH[0] * px or min(markers, key=lambda m: _distance(box, m)) is not mark:
            cx, cy = (mark.x0 + mark.x1) / 2, (mark.y0 + mark.y1) / 2
            end = (min(max(cx, box.x0), box.x1), min(max(cy, box.y0), box.y1))
            (x0, y0), (x1, y1) = to_data.transform([(cx, cy), end])
            ax.plot([x0, x1], [y0, y1], **CONNECTOR)


def _slots(extent: Bbox, mark: Bbox, px: float) -> list[tuple[Bbox, float, int]]:
    """The boxes a label of ``extent``'s size may take beside ``mark`` (:data:`LABEL_SLOTS` at
    each gap of :data:`LABEL_REACH`, ``px`` pixels a point), with their gap (pixels) and side."""
    w, h = extent.width, extent.height
    cx, cy = (mark.x0 + mark.x1) / 2, (mark.y0 + mark.y1) / 2
    out = []
    for gap in (g * px for g in LABEL_REACH):
        for dx, dy in LABEL_SLOTS:
            x = {1: mark.x1 + gap, 0: cx - w / 2, -1: mark.x0 - gap - w}[dx]
            y = {1: mark.y1 + gap, 0.5: cy, 0: cy - h / 2, -0.5: cy - h, -1: mark.y0 - gap - h}[dy]
            out.append((Bbox.from_bounds(x, y, w, h), gap, dx))
    return out


def _distance(box: Bbox, mark: Bbox) -> float:
    """How far a marker's centre is from a box, in pixels."""
    cx, cy = (mark.x0 + mark.x1) / 2, (mark.y0 + mark.y1) / 2
    return math.hypot(cx - min(max(cx, box.x0), box.x1), cy - min(max(cy, box.y0), box.y1))


def _overlap(a: Bbox, b: Bbox) -> float:
    """The area two display boxes share."""
    shared = Bbox.intersection(a, b)
    return shared.width * shared.height if shared is not None else 0.0
