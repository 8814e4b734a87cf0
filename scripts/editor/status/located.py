"""A place in a status workbook, and a problem or note found there, shown as
``FIL.xlsx: ark «Nes kommune», rad 7, kolonne «Ny status»: …``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Where:
    """A place in a workbook: the file, and as far as known the sheet, the row and the column."""

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts = [f"ark «{self.sheet}»"] if self.sheet else []
        parts += [f"rad {self.row}"] if self.row else []
        parts += [f"kolonne «{self.column}»"] if self.column else []
        return f"{self.file}: {', '.join(parts)}" if parts else self.file


@dataclass(frozen=True)
class Message:
    where: Where
    text: str
    is_error: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.text}" if self.is_error else f"{self.where}: Merk: {self.text}"
