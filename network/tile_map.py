"""A schematic map of the Americas: each member state a square tile placed
roughly where it lies, so that a reader finds a state by looking rather than
by reading a list. Drawn as SVG by the template, on the server; the list of
states beside it says the same in text."""

from dataclasses import dataclass

TILE = 44
GAP = 4
STEP = TILE + GAP

# (column, row) of each member state, north to south, west to east.
POSITIONS = {
    "CA": (2, 0),
    "US": (2, 1),
    "BS": (4, 1),
    "MX": (1, 2),
    "CU": (3, 2),
    "HT": (4, 2),
    "DO": (5, 2),
    "KN": (6, 2),
    "AG": (7, 2),
    "GT": (1, 3),
    "BZ": (2, 3),
    "JM": (3, 3),
    "DM": (7, 3),
    "SV": (1, 4),
    "HN": (2, 4),
    "LC": (7, 4),
    "NI": (2, 5),
    "VC": (6, 5),
    "BB": (7, 5),
    "CR": (2, 6),
    "PA": (3, 6),
    "GD": (6, 6),
    "TT": (7, 6),
    "CO": (3, 7),
    "VE": (4, 7),
    "GY": (5, 7),
    "SR": (6, 7),
    "EC": (2, 8),
    "PE": (3, 8),
    "BO": (4, 8),
    "BR": (5, 8),
    "PY": (4, 9),
    "CL": (3, 10),
    "AR": (4, 10),
    "UY": (5, 10),
}


@dataclass(frozen=True)
class Tile:
    state: object
    x: int
    y: int
    text_x: int
    text_y: int


def tile_map(states):
    """The tiles of ``states`` that have a place on the map, and the size of
    the picture; a state without one (a code not in POSITIONS) is left out."""
    columns = [column for column, _row in POSITIONS.values()]
    rows = [row for _column, row in POSITIONS.values()]
    tiles = []
    for state in states:
        position = POSITIONS.get(state.iso_code)
        if position is None:
            continue
        x, y = (position[0] - min(columns)) * STEP, (position[1] - min(rows)) * STEP
        tiles.append(Tile(state=state, x=x, y=y, text_x=x + TILE // 2, text_y=y + TILE // 2))
    return {
        "tiles": tiles,
        "tile": TILE,
        "width": (max(columns) - min(columns) + 1) * STEP - GAP,
        "height": (max(rows) - min(rows) + 1) * STEP - GAP,
    }
