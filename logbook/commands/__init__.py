"""The commands of `logbook`, one module per group; each has `register(app)`."""
