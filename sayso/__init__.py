"""sayso: a ledger of who said what, when, from dated news."""

__version__ = "0.1.0"
