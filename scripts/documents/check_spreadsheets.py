"""Read the csv and xlsx registers back with real readers and check what rpcheck promises:
the same header and rows in both, a frozen and filtered header row with wrapped text in every
sheet, and no cell a spreadsheet would evaluate as a formula."""
import csv
import sys

import openpyxl

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def main(csv_path: str, xlsx_path: str) -> None:
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        raw = f.read()
    with open(csv_path, "rb") as f:
        assert f.read(3) == b"\xef\xbb\xbf", "the csv starts with a UTF-8 byte-order mark"
    rows = list(csv.reader(raw.splitlines(keepends=True)))
    header, body = rows[0], rows[1:]
    assert header[0] == "Fil" and header[-1] == "Fel (rpcheck lint)", header
    assert len(body) == 4, f"one row per record, got {len(body)}"

    book = openpyxl.load_workbook(xlsx_path)
    xlsx_rows = []
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", f"{sheet.title}: header row frozen, got {sheet.freeze_panes}"
        assert sheet.auto_filter.ref, f"{sheet.title}: header row filtered"
        cells = list(sheet.iter_rows(values_only=False))
        assert [c.value for c in cells[0]] == header, f"{sheet.title}: the csv's header"
        for row in cells:
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                value = "" if cell.value is None else str(cell.value)
                assert not value.startswith(FORMULA_STARTS), f"{sheet.title}!{cell.coordinate}: {value!r}"
                if cell.value is not None:
                    assert cell.alignment.wrap_text, f"{sheet.title}!{cell.coordinate} is not wrapped"
        widths = [sheet.column_dimensions[c].width for c in "ABCDEFG"]
        assert all(w and w >= 10 for w in widths), f"{sheet.title}: column widths {widths}"
        xlsx_rows += [["" if c.value is None else str(c.value) for c in row] for row in cells[1:]]
    assert sorted(xlsx_rows) == sorted(body), "the xlsx holds the csv's rows"
    for row in body:
        for value in row:
            assert not value.startswith(FORMULA_STARTS), f"csv cell {value!r}"
    print(f"spreadsheets: csv and xlsx agree ({len(body)} rows, {len(book.worksheets)} sheets)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
