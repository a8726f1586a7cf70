"""`python -m logbook`."""

from .cli import main

main()
