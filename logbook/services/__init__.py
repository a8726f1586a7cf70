"""What a command does, without Typer: each function takes the logbook and plain values, and
returns data for the command to render. They raise the named errors of logbook.errors and never
name a command-line flag."""
