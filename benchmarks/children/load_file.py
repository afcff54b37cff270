"""Child: load a consultation file as every command does (the parent reads its peak memory).

argv: FILE. Prints the number of items loaded.
"""

from __future__ import annotations

import sys

from pctui.storage import ConsultationFile

if __name__ == "__main__":
    print(len(ConsultationFile.load(sys.argv[1]).consultation.items))
