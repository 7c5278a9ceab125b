"""Helpers shared by every app's spreadsheet exports."""

from django.http import HttpResponse


def spreadsheet_safe(value):
    """``value`` as a spreadsheet will show it, never run it: a cell starting
    with = + - @ (or a tab or carriage return, which some spreadsheets skip)
    is a formula, so it becomes text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class Echo:
    """What ``csv.writer`` writes to when a response streams: each row's line
    is handed back to be sent, never kept."""

    def write(self, value):
        return value


def xlsx_response(rows, *, filename, sheet_title):
    """``rows`` (lists of cells) as an XLSX attachment named ``filename``.xlsx,
    written row by row (openpyxl's write-only mode keeps memory flat), every
    cell made spreadsheet-safe."""
    from openpyxl import Workbook  # only the exports need it; keeps start-up light

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(sheet_title))
    for row in rows:
        sheet.append([spreadsheet_safe(cell) for cell in row])
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    workbook.save(response)
    return response
