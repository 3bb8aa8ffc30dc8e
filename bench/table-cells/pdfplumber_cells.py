"""pdfplumber's table cells, page by page: the bench's reference reader (never the service's).

Setup (once; the venv is not committed, .gitignore holds it):
    python3 -m venv bench/.venv && bench/.venv/bin/pip install pdfplumber==0.11.11
Run:
    bench/.venv/bin/python bench/table-cells/pdfplumber_cells.py [--settings default|lines|text] FILE.pdf [PAGE ...]
Prints JSON: {file, pageCount, seconds, cpuSeconds, settings, pages: [{page, rows, seconds}]}: the pages asked
(all when none), `seconds` the time to open the document and extract_tables on those pages (the
interpreter's start and the import left out). A cell pdfplumber returns as None (a slot a spanning cell
covers) is dropped, as ours.ts drops it; '' is a drawn cell that prints nothing.
`default` is pdfplumber's default table_settings, which are lines/lines; `lines` passes
{"vertical_strategy": "lines", "horizontal_strategy": "lines"} explicitly (the same settings,
kept to show the outputs agree); `text` is the text-alignment strategy for both, for comparison.
"""
import json
import os
import sys
import time

import pdfplumber

SETTINGS = {
    "default": None,
    "lines": {"vertical_strategy": "lines", "horizontal_strategy": "lines"},
    "text": {"vertical_strategy": "text", "horizontal_strategy": "text"},
}


def cells(path, wanted, settings):
    t0 = time.perf_counter()
    c0 = time.process_time()
    out = []
    with pdfplumber.open(path) as pdf:
        count = len(pdf.pages)
        for page in pdf.pages:
            if wanted and page.page_number not in wanted:
                continue
            p0 = time.perf_counter()
            tables = page.extract_tables(SETTINGS[settings]) if SETTINGS[settings] else page.extract_tables()
            took = time.perf_counter() - p0
            page.close()
            rows = []
            for table in tables:
                for row in table:
                    rows.append([c for c in row if c is not None])
            out.append({"page": page.page_number, "rows": rows, "seconds": took})
    return {"file": os.path.basename(path), "pageCount": count, "seconds": time.perf_counter() - t0, "cpuSeconds": time.process_time() - c0, "settings": settings, "pages": out}


def main(argv):
    settings = "default"
    if argv and argv[0] == "--settings":
        settings, argv = argv[1], argv[2:]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    path, pages = argv[0], {int(p) for p in argv[1:]}
    json.dump(cells(path, pages, settings), sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
